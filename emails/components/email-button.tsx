import { Button, Link, Section, Text } from '@react-email/components';
import type { Locale } from '@/lib/i18n/locales';
import { emailTranslator } from '../i18n';

const styles = {
  section: { margin: '24px 0' },
  button: {
    backgroundColor: '#18181b',
    borderRadius: '6px',
    color: '#ffffff',
    fontSize: '15px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  fallback: { color: '#52525b', fontSize: '13px', lineHeight: '20px', margin: '16px 0 0' },
  link: { color: '#2563eb', wordBreak: 'break-all' as const },
};

/**
 * A relative, empty or non-web link is a dead button in every mail client, and a
 * `javascript:` one is worse: refuse to render it rather than send it.
 */
export function assertEmailLink(href: string): string {
  let protocol: string;
  try {
    protocol = new URL(href).protocol;
  } catch {
    throw new Error(`An email link must be an absolute URL, got ${JSON.stringify(href)}`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`An email link must be http(s), got ${JSON.stringify(href)}`);
  }
  return href;
}

/** The email's one action, with the link spelt out for clients that block buttons. */
export function EmailButton(props: { locale: Locale; href: string; label: string }) {
  const href = assertEmailLink(props.href);
  const t = emailTranslator(props.locale);
  return (
    <Section style={styles.section}>
      <Button href={href} style={styles.button}>
        {props.label}
      </Button>
      <Text style={styles.fallback}>
        {t('common.linkFallback')}
        <br />
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
