export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#0f5c63" />
      <path d="M9 23V9h3v5.6L17.4 9h3.8l-5.9 6.4L21.6 23h-3.8l-4.4-5.5-1.4 1.5V23z" fill="#fff" />
    </svg>
  );
}

export function Logo() {
  return (
    <div className="logo">
      <LogoMark />
      <span>Ketapath</span>
    </div>
  );
}
