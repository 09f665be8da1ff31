// Translations are compiled into the binary (qt_add_translations); Qt's own come from the system.
#include "app/explorer/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace opdims::explorer {

namespace {
const QString kLanguageKey = QStringLiteral("language");
}

QString languageSetting() {
    return QSettings().value(kLanguageKey).toString();
}

void setLanguageSetting(const QString& code) {
    QSettings().setValue(kLanguageKey, code);
}

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString translationResource(const QString& code) {
    return QStringLiteral(":/i18n/opdims_%1.qm").arg(code);
}

bool installTranslations(QCoreApplication* app, const QString& code) {
    const QString language = code.isEmpty() ? QLocale::system().name().section(u'_', 0, 0) : code;
    if (language == QStringLiteral("en"))
        return true;
    auto* own = new QTranslator(app);
    if (!own->load(translationResource(language))) {
        delete own;
        return false;
    }
    app->installTranslator(own);
    QLocale::setDefault(QLocale(language));
    // Qt's own dialogs (file dialog, message box buttons) in the same language when available.
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace opdims::explorer
