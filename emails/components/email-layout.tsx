import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { emailTranslator } from '../i18n';

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

const styles = {
  body: { backgroundColor: '#f4f4f5', fontFamily: font, margin: 0, padding: '24px 0' },
  container: {
    backgroundColor: '#ffffff',
    border: '1px solid #e4e4e7',
    borderRadius: '8px',
    maxWidth: '560px',
    padding: '32px',
  },
  hostName: { color: '#52525b', fontSize: '14px', fontWeight: 600, margin: 0 },
  heading: { color: '#18181b', fontSize: '22px', lineHeight: '30px', margin: '16px 0' },
  content: { color: '#27272a', fontSize: '15px', lineHeight: '24px' },
  rule: { borderColor: '#e4e4e7', margin: '24px 0' },
  footer: { color: '#71717a', fontSize: '13px', lineHeight: '20px', margin: '8px 0' },
};

/**
 * The frame of every email: the host name on top (the reader knows who writes before reading
 * on), the heading, the content, and a footer saying what to do if the email was unexpected.
 */
export function EmailLayout(props: {
  locale: Locale;
  hostName: string;
  /** The inbox's one-line preview. */
  preview: string;
  heading: string;
  /** What to do if this email was not expected. */
  unexpected: string;
  children: ReactNode;
}) {
  const t = emailTranslator(props.locale);
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.hostName}>{props.hostName}</Text>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          <Section style={styles.content}>{props.children}</Section>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{props.unexpected}</Text>
          <Text style={styles.footer}>{t('common.sentBy', { hostName: props.hostName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
