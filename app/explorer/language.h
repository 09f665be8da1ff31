// The user interface language: the setting, and installing the embedded translations.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace opdims::explorer {

// "" follows the system, otherwise a language code such as "de" or "en".
QString languageSetting();
void setLanguageSetting(const QString& code);
// The languages the app ships a translation for (English is the source language).
QStringList availableLanguages();
// Installs opdims' and Qt's own translations for `code` ("" = system language) into the app,
// replacing those installed before; returns false when opdims has no translation for it
// (English then).
bool installTranslations(QCoreApplication* app, const QString& code);
// The embedded .qm file of a language: ":/i18n/opdims_<code>.qm".
QString translationResource(const QString& code);

} // namespace opdims::explorer
