import { Tag } from '@lip/ui';
import { SECTION_STATUSES } from '../lib/labels.ts';

/** GOV.UK task list status: a tag while there is something to do, plain text once completed. */
export function SectionStatusTag({ status }: { status: string }) {
  const s = SECTION_STATUSES[status] ?? { text: status, colour: 'grey' as const };
  return s.colour ? <Tag colour={s.colour}>{s.text}</Tag> : <>{s.text}</>;
}
