import type { BoardTileDto } from '@ketapath/server/contracts';
import { Link } from 'react-router';
import type { TileAlert } from '../../api/board';
import { Icon } from '../../components/Icon';
import { ago, alertState, clockTime, minutesSince, STALE_READING_MINUTES, STATE_LABELS, type AlertState } from '../../lib/board-format';

export interface TileContext {
  readonly now: number;
  readonly escalateAfterMinutes: number;
  readonly notifyPrescriberAfterMinutes: number;
  readonly timeZone: string;
  readonly canAcknowledge: boolean;
  readonly canOpen: boolean;
  readonly onAcknowledge: (tile: BoardTileDto, alert: TileAlert) => void;
}

const ALERT_TEXT: Record<AlertState, string> = {
  new: 'New alert',
  escalated: 'ESCALATED: not acknowledged',
  prescriber: 'ESCALATED: prescriber notified',
  acknowledged: 'Acknowledged',
};

/** The loudest state among a tile's alerts (for the tile's frame). */
export function tileLevel(tile: BoardTileDto, ctx: Pick<TileContext, 'now' | 'escalateAfterMinutes' | 'notifyPrescriberAfterMinutes'>): AlertState | null {
  const states = tile.alerts.map((a) => alertState(a, ctx.now, ctx.escalateAfterMinutes, ctx.notifyPrescriberAfterMinutes));
  return states.find((s) => s === 'prescriber') ?? states.find((s) => s === 'escalated') ?? states.find((s) => s === 'new') ?? states.find((s) => s === 'acknowledged') ?? null;
}

function Vital({ label, value, unit }: { label: string; value: string | null; unit: string }) {
  return (
    <div className="vital">
      <dt>{label}</dt>
      <dd>
        {value ?? '—'}
        {value !== null && <span className="unit"> {unit}</span>}
      </dd>
    </div>
  );
}

function DueLine({ tile, now }: { tile: BoardTileDto; now: number }) {
  const due = tile.nextDue;
  const missed = tile.missed > 0 && (
    <div className="due overdue">
      <Icon name="alert" /> {tile.missed} {tile.missed === 1 ? 'reading' : 'readings'} missed
    </div>
  );
  if (due === null) {
    return <>{missed}</>;
  }
  const mins = Math.round((now - Date.parse(due.dueAt)) / 60_000);
  return (
    <>
      {mins >= 1 ? (
        <div className="due overdue">
          <Icon name="clock" /> <strong>Overdue {mins} min:</strong> {due.label}
        </div>
      ) : mins >= 0 ? (
        <div className="due now">
          <Icon name="clock" /> <strong>Due now:</strong> {due.label}
        </div>
      ) : (
        <div className="due">
          <Icon name="clock" /> Next: {due.label} in {-mins} min
        </div>
      )}
      {missed}
    </>
  );
}

function AlertRow({ tile, alert, state, ctx }: { tile: BoardTileDto; alert: TileAlert; state: AlertState; ctx: TileContext }) {
  const open = minutesSince(alert.raisedAt, ctx.now);
  return (
    <li className={`tile-alert alert-${state}`}>
      <div className="alert-state">
        <Icon name={state === 'acknowledged' ? 'check' : state === 'new' ? 'alert' : 'siren'} />
        <strong>{ALERT_TEXT[state]}</strong>
        {state !== 'acknowledged' && <span className="muted-on">{open === 0 ? 'just raised' : `open ${open} min`}</span>}
      </div>
      <div className="alert-message">{alert.message}</div>
      {state === 'acknowledged' ? (
        <div className="small">
          by {alert.acknowledgedBy ?? 'a colleague'}
          {alert.acknowledgedAt !== null && ` at ${clockTime(alert.acknowledgedAt, ctx.timeZone)}`}
        </div>
      ) : (
        ctx.canAcknowledge && (
          <button type="button" className={state === 'new' ? 'ack' : 'ack danger'} onClick={() => ctx.onAcknowledge(tile, alert)}>
            Acknowledge
          </button>
        )
      )}
    </li>
  );
}

/** One chair on the monitoring board. Every state is spelled out in words and an icon, never by colour alone. */
export function BoardTile({ tile, ctx }: { tile: BoardTileDto; ctx: TileContext }) {
  const level = tileLevel(tile, ctx);
  const l = tile.latest;
  const readingAge = l === null ? null : minutesSince(l.takenAt, ctx.now);
  const stale = readingAge !== null && readingAge >= STALE_READING_MINUTES;
  const chairName = tile.chair?.name ?? 'No chair';
  const alerts = [...tile.alerts].sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) || b.raisedAt.localeCompare(a.raisedAt));
  return (
    <article className={`tile${level === null || level === 'acknowledged' ? '' : ` tile-${level}`}${tile.emergency ? ' tile-emergency' : ''}`} aria-labelledby={`tile-${tile.sessionId}`} data-session={tile.sessionId}>
      <header className="tile-head">
        <div>
          <div className="tile-chair">
            <Icon name="chair" size={18} /> {chairName}
          </div>
          <h2 id={`tile-${tile.sessionId}`} className="tile-initials">
            <span className="sr-only">Patient </span>
            {tile.initials}
          </h2>
        </div>
        <div className="tile-meta">
          <span className="badge">{STATE_LABELS[tile.state] ?? tile.state}</span>
          <div className="small">{tile.routeLabel}</div>
        </div>
      </header>
      {tile.emergency && (
        <div className="tile-banner">
          <Icon name="siren" /> Emergency event recorded
        </div>
      )}
      <div className="tile-dose">{tile.doseStartedAt === null ? `Checked in ${ago(tile.checkedInAt, ctx.now)} · not dosed yet` : `Dose started ${minutesSince(tile.doseStartedAt, ctx.now)} min ago`}</div>
      {l === null ? (
        <p className="tile-novitals">No vital signs recorded yet</p>
      ) : (
        <>
          <dl className="vitals">
            <Vital label="BP" value={l.systolic === null ? null : `${l.systolic}/${l.diastolic ?? '?'}`} unit="mmHg" />
            <Vital label="HR" value={l.heartRate === null ? null : String(l.heartRate)} unit="bpm" />
            <Vital label="SpO₂" value={l.spo2 === null ? null : String(l.spo2)} unit="%" />
            <Vital label="RR" value={l.respiratoryRate === null ? null : String(l.respiratoryRate)} unit="/min" />
          </dl>
          <div className={stale ? 'reading-age stale' : 'reading-age'}>
            {stale && <Icon name="wifiOff" size={16} />} {stale ? 'No new reading for ' : 'Last reading '}
            {stale ? `${readingAge} min` : ago(l.takenAt, ctx.now)}
            {l.bpTakenAt !== null && l.bpTakenAt !== l.takenAt && ` · BP ${ago(l.bpTakenAt, ctx.now)}`}
          </div>
        </>
      )}
      <DueLine tile={tile} now={ctx.now} />
      {alerts.length > 0 && (
        <ul className="tile-alerts" aria-label={`Alerts for ${tile.initials}`}>
          {alerts.map((a) => (
            <AlertRow key={a.id} tile={tile} alert={a} state={alertState(a, ctx.now, ctx.escalateAfterMinutes, ctx.notifyPrescriberAfterMinutes)} ctx={ctx} />
          ))}
        </ul>
      )}
      <footer className="tile-foot">
        {tile.nurse !== null && <span className="small">Nurse: {tile.nurse}</span>}
        {ctx.canOpen && (
          <Link to={`/sessions/${tile.sessionId}`} className="tile-open">
            Open session
          </Link>
        )}
      </footer>
    </article>
  );
}
