import { Button } from '@utrecht/component-library-react';

/** Previous / next page with "Pagina 2 van 5"; the page count is announced politely. */
export function Paginering({
  page,
  pageSize,
  total,
  onPage,
  label = 'Paginering',
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="regie-pagination" aria-label={label}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Vorige pagina
      </Button>
      <span aria-live="polite" className="regie-pagination__status">
        Pagina {page} van {pages}
      </span>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Volgende pagina
      </Button>
    </nav>
  );
}
