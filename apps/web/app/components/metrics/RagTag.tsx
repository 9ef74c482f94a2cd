import { Tag } from '@lip/ui';
import { RAG_LABELS } from './labels.ts';

/** The RAG rating as a GOV.UK tag whose text says the rating: never colour alone. */
export function RagTag({ rag }: { rag: string }) {
  const label = RAG_LABELS[rag] ?? { text: rag, colour: 'grey' as const };
  return <Tag colour={label.colour}>{label.text}</Tag>;
}
