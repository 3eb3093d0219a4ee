/** The household the consent tests share, as the telemetry node's `people.*` parameters. */
import type { ParameterValue } from '@hearth/graph';

/** Margaret (Maggie) consents to transcripts, Tom only to summaries. */
export const MARGARET_AND_TOM: Readonly<Record<string, ParameterValue>> = {
  'people.ids': ['margaret', 'tom'],
  'people.margaret.display_name': 'Margaret Okafor',
  'people.margaret.other_names': ['Maggie'],
  'people.margaret.consent': 'transcripts',
  'people.tom.display_name': 'Tom Reyes',
  'people.tom.consent': 'summaries',
};
