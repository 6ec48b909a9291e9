import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, setLanguage } from '../i18n/index.ts';

/** One click toggles between 简体中文 and English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <Tooltip title={t('header.switchLanguage')}>
      <Button
        type="text"
        data-testid="lang-switch"
        icon={<TranslationOutlined />}
        aria-label={t('header.switchLanguage')}
        onClick={() => void setLanguage(next)}
      >
        {t('header.otherLanguage')}
      </Button>
    </Tooltip>
  );
}
