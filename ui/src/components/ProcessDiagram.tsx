/**
 * The zaak's process as a bpmn-js NavigatedViewer (pan and zoom, no editing), with the
 * current position marked. Its own lazy chunk: bpmn-js is loaded only when a zaakdossier
 * shows the diagram, never on the werkvoorraad. The bpmn.io watermark stays (its licence).
 * The text alternative ("Huidige stap: …") is rendered by the caller, outside this chunk,
 * so it is there even when the diagram cannot be drawn.
 *
 * Dragging is not the only way to move it (WCAG 2.5.7, 2.1.1): buttons zoom in, out and
 * back to the whole diagram, and the focused diagram takes the arrow keys (shift: faster),
 * + and − and 0. diagram-js itself only moves with Ctrl+arrows and has no zoom keys in a viewer.
 */
import { Button } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import BpmnNavigatedViewer from 'bpmn-js/lib/NavigatedViewer.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './process-diagram.css';

interface Shape {
  id: string;
  type: string;
  source?: { id: string };
  target?: { id: string };
}
interface Canvas {
  zoom(level: 'fit-viewport', center?: 'auto'): void;
  addMarker(id: string, marker: string): void;
  focus(): void;
}
interface ZoomScroll {
  stepZoom(delta: number): void;
}
interface KeyboardMove {
  moveCanvas(options: { direction: 'up' | 'down' | 'left' | 'right'; speed: number }): void;
}
interface Keyboard {
  addListener(priority: number, listener: (context: { keyEvent: KeyboardEvent }) => boolean | void): void;
}
type Navigatie = 'in' | 'uit' | 'passend';
interface ElementRegistry {
  filter(fn: (e: Shape) => boolean): Shape[];
  get(id: string): Shape | undefined;
}

interface Viewer {
  importXML(xml: string): Promise<unknown>;
  get<T>(service: string): T;
  destroy(): void;
}
// bpmn-js' own typings resolve to a module namespace under NodeNext; the few calls we make, typed here.
const NavigatedViewer = BpmnNavigatedViewer as unknown as new (options: { container: HTMLElement }) => Viewer;

export default function ProcessDiagram({ xml, actief, afgerond, label }: { xml: string; actief: string[]; afgerond: string[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const navigeer = useRef<((n: Navigatie) => void) | null>(null);
  const [failed, setFailed] = useState(false);
  const [klaar, setKlaar] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let alive = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        const zoomScroll = viewer.get<ZoomScroll>('zoomScroll');
        const keyboardMove = viewer.get<KeyboardMove>('keyboardMove');
        canvas.zoom('fit-viewport', 'auto');
        navigeer.current = (n) => (n === 'passend' ? canvas.zoom('fit-viewport', 'auto') : zoomScroll.stepZoom(n === 'in' ? 1 : -1));
        const richting = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;
        viewer.get<Keyboard>('keyboard').addListener(500, ({ keyEvent: e }) => {
          if (e.ctrlKey || e.metaKey || e.altKey) return false;
          if (e.key in richting) {
            keyboardMove.moveCanvas({ direction: richting[e.key as keyof typeof richting], speed: e.shiftKey ? 200 : 50 });
          } else if (e.key === '+' || e.key === '=') navigeer.current?.('in');
          else if (e.key === '-') navigeer.current?.('uit');
          else if (e.key === '0') navigeer.current?.('passend');
          else return false;
          return true;
        });
        const svg = container.current?.querySelector('svg');
        svg?.setAttribute('role', 'application');
        svg?.setAttribute('aria-roledescription', 'procesdiagram');
        svg?.setAttribute('aria-label', `${label}. Pijltjestoetsen verschuiven, plus en min zoomen, 0 toont het hele diagram.`);
        setKlaar(true);
        const done = new Set(afgerond);
        const now = new Set(actief);
        for (const id of afgerond) if (registry.get(id) && !now.has(id)) canvas.addMarker(id, 'regie-afgerond');
        // The path walked: flows from a passed element into a passed or current one.
        for (const flow of registry.filter((e) => e.type === 'bpmn:SequenceFlow')) {
          if (flow.source && flow.target && done.has(flow.source.id) && (done.has(flow.target.id) || now.has(flow.target.id))) {
            canvas.addMarker(flow.id, 'regie-afgerond');
          }
        }
        for (const id of actief) if (registry.get(id)) canvas.addMarker(id, 'regie-actief');
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      navigeer.current = null;
      viewer.destroy();
    };
  }, [xml, actief, afgerond, label]);

  return (
    <figure className="regie-diagram">
      {failed ? (
        <p className="regie-muted">Het procesdiagram kan niet worden getoond.</p>
      ) : (
        <>
          <div className="regie-diagram__knoppen" role="group" aria-label="Procesdiagram bekijken">
            <Button type="button" appearance="secondary-action-button" disabled={!klaar} onClick={() => navigeer.current?.('in')}>
              Inzoomen
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={!klaar} onClick={() => navigeer.current?.('uit')}>
              Uitzoomen
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={!klaar} onClick={() => navigeer.current?.('passend')}>
              Hele diagram
            </Button>
          </div>
          <div ref={container} className="regie-diagram__canvas" data-testid="procesdiagram" />
        </>
      )}
      <figcaption className="regie-diagram__legend">
        {label}. <span className="regie-diagram__key regie-diagram__key--actief">Dikke blauwe rand: huidige stap</span>{' '}
        <span className="regie-diagram__key regie-diagram__key--afgerond">groen: afgerond</span>. Verschuiven: slepen, of de pijltjestoetsen als het diagram focus heeft. Zoomen: de knoppen, scrollen, of plus en min.
      </figcaption>
    </figure>
  );
}
