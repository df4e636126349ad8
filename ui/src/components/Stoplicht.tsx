/**
 * Traffic light for deadlines. Meaning is never carried by colour alone (WCAG
 * 1.4.1): every state has its own shape and a text label.
 */
export type Tone = 'ok' | 'warning' | 'danger';

const SHAPES: Record<Tone, string> = {
  ok: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z', // circle
  warning: 'M8 1l7.5 13.5h-15z', // triangle
  danger: 'M2 2h12v12H2z', // square
};

export function Stoplicht({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={`regie-light regie-light--${tone}`} data-tone={tone}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="regie-light__icon">
        <path d={SHAPES[tone]} />
      </svg>
      <span className="regie-light__label">{label}</span>
    </span>
  );
}
