/**
 * The settings: the theme, the text's size, line width and font, the document portrait beside
 * the text, and the interface's language.
 * Each change applies at once (the page is its own preview) and is kept for the next start.
 */
import { useId, useState } from 'react';
import { chooseLanguage, chosenLanguage, useT, type Language } from '../../i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../i18n/languages';
import { changeSettings } from '../../services/settings';
import { showDialog } from '../../services/workspace';
import { useStore } from '../../store';
import { LINE_WIDTHS, TEXT_FONTS, TEXT_SIZES, THEMES, type Settings } from '../../store/settings';
import { ModalDialog } from '../palette/ModalDialog';
import './settings.css';

/** A group of radio buttons for one setting. */
function Choice<K extends 'theme' | 'lineWidth' | 'textFont'>(props: {
  setting: K;
  legend: string;
  choices: readonly Settings[K][];
  label(choice: Settings[K]): string;
}) {
  const value = useStore((state) => state.settings[props.setting]);
  const name = useId();
  return (
    <fieldset className="settings-choice" data-setting={props.setting}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice}>
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => changeSettings({ [props.setting]: choice })} />
          {props.label(choice)}
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsDialog() {
  const t = useT();
  const id = useId();
  const textSize = useStore((state) => state.settings.textSize);
  const documentPortrait = useStore((state) => state.settings.documentPortrait);
  const [language, setLanguage] = useState<Language | null>(chosenLanguage);
  const close = () => showDialog(null);
  return (
    <ModalDialog className="settings-dialog" labelledBy={`${id}-title`} onClose={close}>
      <header className="dialog-heading">
        <h2 id={`${id}-title`}>{t('settings.title')}</h2>
        <button type="button" onClick={close} data-action="close-dialog">
          {t('settings.close')}
        </button>
      </header>
      <p className="settings-intro">{t('settings.intro')}</p>
      <Choice setting="theme" legend={t('settings.theme.legend')} choices={THEMES} label={(theme) => t(`settings.theme.${theme}`)} />
      <div className="settings-row">
        <label htmlFor={`${id}-size`}>{t('settings.textSize.label')}</label>
        <input
          id={`${id}-size`}
          type="range"
          data-setting="textSize"
          min={TEXT_SIZES.min}
          max={TEXT_SIZES.max}
          step={1}
          value={textSize}
          aria-valuetext={t('settings.textSize.value', { size: textSize })}
          onChange={(event) => changeSettings({ textSize: Number(event.target.value) })}
        />
        <output htmlFor={`${id}-size`}>{t('settings.textSize.value', { size: textSize })}</output>
      </div>
      <Choice setting="lineWidth" legend={t('settings.lineWidth.legend')} choices={LINE_WIDTHS} label={(width) => t(`settings.lineWidth.${width}`)} />
      <Choice setting="textFont" legend={t('settings.textFont.legend')} choices={TEXT_FONTS} label={(font) => t(`settings.textFont.${font}`)} />
      <div className="settings-row">
        <input
          id={`${id}-portrait`}
          type="checkbox"
          data-setting="documentPortrait"
          checked={documentPortrait}
          aria-describedby={`${id}-portrait-hint`}
          onChange={(event) => changeSettings({ documentPortrait: event.target.checked })}
        />
        <label htmlFor={`${id}-portrait`}>{t('settings.documentPortrait.label')}</label>
        <span className="settings-hint" id={`${id}-portrait-hint`}>
          {t('settings.documentPortrait.hint')}
        </span>
      </div>
      <div className="settings-row">
        <label htmlFor={`${id}-language`}>{t('settings.language.label')}</label>
        <select
          id={`${id}-language`}
          data-setting="language"
          value={language ?? ''}
          onChange={(event) => {
            const chosen = isLanguage(event.target.value) ? event.target.value : null;
            setLanguage(chosen);
            chooseLanguage(chosen);
          }}
        >
          <option value="">{t('settings.language.system')}</option>
          {LANGUAGES.map((choice) => (
            // Each language is named in itself, so that a reader finds theirs in any interface language.
            <option key={choice} value={choice} lang={choice}>
              {LANGUAGE_NAMES[choice]}
            </option>
          ))}
        </select>
      </div>
      <p className="settings-sample">{t('settings.sample')}</p>
    </ModalDialog>
  );
}
