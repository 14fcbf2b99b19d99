// 事项搜索: keyword, pinyin initials (yljg) or full pinyin, ranked by the server.
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Input, Spin, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../ui/errors';
import { ItemTypeTag, useLimitWords } from '../ui/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { LoadMore, useCursorList } from '../ui/paging';
import { portalApi } from './api';
import { usePortalT } from './messages';

/** The portal's search box: a labelled field and a button; Enter or the button opens the results page. */
export function SearchBox({ initial = '', onChange }: { initial?: string; onChange?: (q: string) => void }) {
  const { t } = useI18n();
  const p = usePortalT();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <form
      role="search"
      className="tb-search-form"
      onSubmit={(e) => {
        e.preventDefault();
        const q = value.trim();
        if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <label htmlFor="tb-item-search" className="tb-search-label">
        {t('home.search')}
      </label>
      <div className="tb-search-row">
        <Input
          id="tb-item-search"
          allowClear
          value={value}
          maxLength={50}
          size="large"
          aria-describedby="tb-item-search-hint"
          placeholder={t('home.searchPlaceholder')}
          onChange={(e) => {
            setValue(e.target.value);
            onChange?.(e.target.value);
          }}
        />
        <Button type="primary" htmlType="submit" size="large">
          {p('home.searchButton')}
        </Button>
      </div>
      <div id="tb-item-search-hint" className="tb-muted tb-search-hint">
        {p('home.searchHint')}
      </div>
    </form>
  );
}

export function SearchPage() {
  const p = usePortalT();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  useDocumentTitle(q ? `${p('search.title')}：${q}` : p('search.title'));
  const list = useCursorList(['portal', 'search', q], (cursor, limit) => portalApi.search(q, { cursor, limit }), { enabled: q !== '', initialPageSize: 50 });
  const hits = list.query;
  const shown = hits.data ? list.items : undefined;
  const limitWords = useLimitWords();
  return (
    <Card>
      <h1 className="tb-page-title">{p('search.title')}</h1>
      <SearchBox initial={q} />
      <div aria-live="polite" className="tb-search-summary">
        {!q ? p('search.enterQuery') : shown && !hits.hasNextPage ? p('search.resultsFor', { q, count: shown.length }) : ''}
      </div>
      {hits.isError ? <ErrorAlert error={hits.error} onRetry={() => void hits.refetch()} /> : null}
      {q && hits.isPending ? <Spin /> : null}
      {shown && shown.length === 0 ? <Empty description={p('search.none')} /> : null}
      {shown && shown.length > 0 ? (
        <ol className="tb-search-results">
          {shown.map((item) => (
            <li key={item.id}>
              <Link to={`/items/${item.id}`} className="tb-search-result-name">
                {item.name}
              </Link>
              <div className="tb-search-result-meta">
                <span>{item.departmentName}</span>
                <ItemTypeTag type={item.itemType} />
                <span>
                  {t('item.promisedDays')}
                  {t('common.colon')}
                  {limitWords(item.promisedDays, item.limitUnit)}
                </span>
                <Typography.Text type="secondary" className="tb-hash">
                  {item.code}
                </Typography.Text>
                <span className="tb-muted">
                  {p('search.matchLabel')}
                  {t('common.colon')}
                  {p(`search.match.${item.match}`)}
                </span>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {q ? <LoadMore list={list} /> : null}
    </Card>
  );
}
