import { Alert, Button, Paragraph } from '@utrecht/component-library-react';

/** A failed load with a retry button. */
export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Alert type="error" className="regie-notice">
      <Paragraph>{message}</Paragraph>
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          Opnieuw proberen
        </Button>
      )}
    </Alert>
  );
}

export function Laden({ tekst = 'Bezig met laden…' }: { tekst?: string }) {
  return (
    <p role="status" className="regie-loading">
      {tekst}
    </p>
  );
}
