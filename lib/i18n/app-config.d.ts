import type messages from '../../messages/en.json';
import type { Locale } from './locales';

// Types next-intl's keys and locales: a misspelt message key fails `tsc`. The English catalog
// is the reference; tests/unit/message-catalogs.test.ts keeps German in step with it.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
