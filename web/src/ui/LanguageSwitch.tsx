import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

/** Switches between 中文 and English; the label is in the target language. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const target = locale === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      className={dark ? 'tb-on-dark' : undefined}
      icon={<GlobalOutlined aria-hidden />}
      lang={target === 'en' ? 'en' : 'zh-CN'}
      title={t('common.switchLanguage')}
      onClick={() => setLocale(target)}
    >
      {target === 'en' ? 'English' : '中文'}
    </Button>
  );
}
