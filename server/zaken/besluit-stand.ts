/**
 * Which besluit of a zaak still stands, from its events: the read model (the klant's bezwaar
 * section, the "besluit genomen" sentence) and the bezwaar route read the same answer.
 */

/** What `zaak.besluit-bekendgemaakt` records about the besluit that was sent. */
export interface BekendgemaaktBesluit {
  besluit: string;
  verzenddatum: string;
  uiterlijkeReactiedatum: string | null;
  documentId: string | null;
}

export type HeroverwegingStap = 'besluit' | 'toelating';

export interface BesluitStand {
  /** The sent besluit that still stands and is open to bezwaar (Awb 6:4); null when none. */
  besluit: BekendgemaaktBesluit | null;
  /**
   * Set after a gegrond bezwaar reopened the zaak (`zaak.heropend`, Awb 7:11) and until a new
   * besluit is sent on it. The besluit sent earlier was herroepen. `besluit`: the beslissing op
   * bezwaar is the new besluit (open to beroep, not to a second bezwaar, Awb 7:1); `toelating`:
   * the aanvraag is handled further and its new besluit will be an ordinary beschikking.
   */
  heroverweging: { stap: HeroverwegingStap } | null;
}

export function besluitStand(events: readonly { type: string; data: string }[]): BesluitStand {
  let stand: BesluitStand = { besluit: null, heroverweging: null };
  for (const e of events) {
    if (e.type === 'zaak.besluit-bekendgemaakt') stand = { besluit: JSON.parse(e.data) as BekendgemaaktBesluit, heroverweging: null };
    if (e.type === 'zaak.heropend') {
      const { stap } = JSON.parse(e.data) as { stap?: string };
      stand = { besluit: null, heroverweging: { stap: stap === 'toelating' ? 'toelating' : 'besluit' } };
    }
  }
  return stand;
}
