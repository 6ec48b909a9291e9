import { Flex, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProfileSearch, SEARCH_FIELDS, type SearchField, type SearchMatch } from '../search.ts';

interface Props {
  readonly value: ProfileSearch;
  readonly loading: boolean;
  readonly onSearch: (search: ProfileSearch) => void;
}

/**
 * Search box with a field selector (全部/姓名/手机号/…) and a prefix/exact switch. The form keeps its
 * own copy of the search: the address (the source of truth) is updated in a transition, and a fast
 * "pick a field, type, Enter" must not submit with the field of the previous render.
 */
export function ProfileSearchForm({ value, loading, onSearch }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProfileSearch>(value);
  // Follow the address part by part (back/forward, links), without dropping what is being typed.
  useEffect(() => setDraft((d) => ({ ...d, q: value.q })), [value.q]);
  useEffect(() => setDraft((d) => ({ ...d, field: value.field })), [value.field]);
  useEffect(() => setDraft((d) => ({ ...d, match: value.match })), [value.match]);

  const submit = (patch: Partial<ProfileSearch>): void => {
    const next = { ...draft, ...patch };
    setDraft(next);
    onSearch(next);
  };

  return (
    <Flex gap={8} wrap align="center">
      <Select<SearchField>
        data-testid="profile-search-field"
        aria-label={t('profiles.search.field')}
        style={{ width: 120 }}
        value={draft.field}
        onChange={(field) => submit({ field })}
        options={SEARCH_FIELDS.map((f) => ({ value: f, label: t(`profiles.search.fields.${f}`) }))}
      />
      <Input.Search
        data-testid="profile-search-input"
        style={{ width: 420, maxWidth: '100%' }}
        allowClear
        enterButton={t('profiles.search.submit')}
        placeholder={t('profiles.search.placeholder')}
        maxLength={200}
        value={draft.q}
        loading={loading}
        onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
        onSearch={(q) => submit({ q })}
      />
      <Segmented<SearchMatch>
        data-testid="profile-search-match"
        value={draft.match}
        onChange={(match) => submit({ match })}
        options={[
          { value: 'prefix', label: t('profiles.search.prefix') },
          { value: 'exact', label: t('profiles.search.exact') },
        ]}
      />
    </Flex>
  );
}
