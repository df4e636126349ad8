// Bundled by test/forms/browser.test.ts into a page for Chromium: one real form, nothing else.
import { createRoot } from 'react-dom/client';
import { loadFormSchema } from '../../forms/index.ts';
import { RegieForm } from '../../forms/react/index.ts';

declare global {
  interface Window {
    regieSchema: unknown;
    regieSubmitted?: Record<string, unknown>;
  }
}

const schema = loadFormSchema(window.regieSchema);
createRoot(document.getElementById('root')!).render(
  <RegieForm
    form={schema}
    today={() => '2025-06-15'}
    onSubmit={(value) => {
      window.regieSubmitted = value;
      document.getElementById('status')!.textContent = 'Uw aanmelding is verstuurd.';
    }}
  />,
);
