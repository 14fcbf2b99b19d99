// Cursor paging for every list page: pages of `pageSize` rows fetched one
// after another with the server's nextCursor ("load more"), the rows of all
// loaded pages shown in one table, and the page size the user chose.
import { useMemo, useState } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useI18n } from '../i18n';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The loaded rows of a cursor-paged list; `fetchPage(cursor, limit)` asks the server for one page. */
export function useCursorList<P extends CursorPage<unknown>>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined, limit: number) => Promise<P>,
  options: { refetchInterval?: number; initialPageSize?: number; enabled?: boolean } = {},
) {
  const [pageSize, setPageSize] = useState<number>(options.initialPageSize ?? 20);
  const query = useInfiniteQuery({
    queryKey: [...key, pageSize],
    queryFn: ({ pageParam }) => fetchPage(pageParam, pageSize),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
    ...(options.enabled === false ? { enabled: false } : {}),
  });
  const items = useMemo(() => (query.data?.pages.flatMap((p) => p.items) ?? []) as P['items'], [query.data]);
  return { query, items, pageSize, setPageSize, firstPage: query.data?.pages[0] };
}

/** Under a list: how many rows are shown, "load more" while the server has more, and the page size. */
export interface PagedList {
  query: { isPending: boolean; isError: boolean; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  items: readonly unknown[];
  pageSize: number;
  setPageSize: (n: number) => void;
}

export function LoadMore({ list }: { list: PagedList }) {
  const { t } = useI18n();
  const { query, items, pageSize, setPageSize } = list;
  if (query.isPending || query.isError) return null;
  return (
    <Space wrap className="tb-load-more" style={{ width: '100%', justifyContent: 'center', marginTop: 12 }}>
      <Typography.Text type="secondary" aria-live="polite">
        {query.hasNextPage ? t('list.shown', { count: items.length }) : t('list.allShown', { count: items.length })}
      </Typography.Text>
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
      <Select
        aria-label={t('list.pageSize')}
        value={pageSize}
        onChange={(v: number) => setPageSize(v)}
        options={PAGE_SIZES.map((n) => ({ value: n, label: t('list.pageSizeOption', { count: n }) }))}
        style={{ width: 110 }}
      />
    </Space>
  );
}
