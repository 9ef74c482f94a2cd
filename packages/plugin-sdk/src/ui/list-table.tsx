import { Table, type TableProps } from '@lip/ui';

/**
 * A section summary's table with a row for each entry of a fixed list (tiers, outcomes, phases):
 * each row headed by its first cell and keyed by the entry's key.
 */
export function ListTable<Entry extends { key: string }>({
  caption,
  head,
  entries,
  row,
}: {
  caption: TableProps['caption'];
  head: TableProps['head'];
  entries: readonly Entry[];
  row: (entry: Entry) => TableProps['rows'][number];
}) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={head}
      firstCellIsHeader
      rowKeys={entries.map((entry) => entry.key)}
      rows={entries.map((entry) => row(entry))}
    />
  );
}
