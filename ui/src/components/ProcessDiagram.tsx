/**
 * The zaak's process as a bpmn-js NavigatedViewer (pan and zoom, no editing), with the
 * current position marked. Its own lazy chunk: bpmn-js is loaded only when a zaakdossier
 * shows the diagram, never on the werkvoorraad. The bpmn.io watermark stays (its licence).
 * The text alternative ("Huidige stap: …") is rendered by the caller, outside this chunk,
 * so it is there even when the diagram cannot be drawn.
 */
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
}
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
  const [failed, setFailed] = useState(false);

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
        canvas.zoom('fit-viewport', 'auto');
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
      viewer.destroy();
    };
  }, [xml, actief, afgerond]);

  return (
    <figure className="regie-diagram">
      {failed ? (
        <p className="regie-muted">Het procesdiagram kan niet worden getoond.</p>
      ) : (
        <div ref={container} className="regie-diagram__canvas" data-testid="procesdiagram" />
      )}
      <figcaption className="regie-diagram__legend">
        {label}. <span className="regie-diagram__key regie-diagram__key--actief">Dikke blauwe rand: huidige stap</span>{' '}
        <span className="regie-diagram__key regie-diagram__key--afgerond">groen: afgerond</span>. Slepen om te verschuiven, scrollen om te zoomen.
      </figcaption>
    </figure>
  );
}
