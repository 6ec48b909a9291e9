import { useIdentitySettings } from '../../identity/hooks/useIdentity.ts';
import { useIdentifierTypeLabel } from '../../profiles/hooks/useIdentifierTypeLabel.ts';

const FALLBACK = [
  'phone',
  'email',
  'user_id',
  'member_id',
  'wechat_openid',
  'wechat_unionid',
  'anonymous_id',
];

/** Identifier types of the workspace as select options, with their translated names. */
export function useIdentifierTypeOptions(): { value: string; label: string }[] {
  const settings = useIdentitySettings();
  const label = useIdentifierTypeLabel();
  const names = settings.data?.types.map((t) => t.name) ?? FALLBACK;
  return names.map((name) => ({ value: name, label: `${label(name)} (${name})` }));
}
