/** Message keys are typed from the English messages: `t('no.such.key')` does not compile. */
import type { MESSAGES } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof MESSAGES)['en'] };
    returnNull: false;
  }
}
