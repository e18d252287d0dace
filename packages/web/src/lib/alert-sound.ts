/**
 * Alert tones made with the Web Audio API (no audio files). Browsers only allow sound after the user
 * has interacted with the page, so the context is created when sound is switched on.
 */
let ctx: AudioContext | null = null;

export function enableSound(): boolean {
  const Ctor = window.AudioContext as typeof AudioContext | undefined;
  if (Ctor === undefined) {
    return false;
  }
  ctx ??= new Ctor();
  void ctx.resume();
  return true;
}

function tone(at: number, frequency: number, seconds: number): void {
  if (ctx === null) {
    return;
  }
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'square';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.05);
}

/** Two short beeps for a new alert; a longer, rising three-beep pattern for an escalated one. */
export function beep(kind: 'new' | 'escalated'): void {
  if (ctx === null || ctx.state !== 'running') {
    return;
  }
  const t = ctx.currentTime + 0.02;
  if (kind === 'new') {
    tone(t, 880, 0.18);
    tone(t + 0.3, 880, 0.18);
  } else {
    tone(t, 880, 0.25);
    tone(t + 0.35, 1046, 0.25);
    tone(t + 0.7, 1318, 0.4);
  }
}
