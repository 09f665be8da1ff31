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
const QString kTranslatorName = QStringLiteral("opdims-translator");
} // namespace

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
    // Translators installed before (a language switch at run time) go first.
    for (QTranslator* old : app->findChildren<QTranslator*>(kTranslatorName)) {
        app->removeTranslator(old);
        delete old;
    }
    const QString language = code.isEmpty() ? QLocale::system().name().section(u'_', 0, 0) : code;
    if (language == QStringLiteral("en")) {
        QLocale::setDefault(QLocale::c()); // numbers as the CLI prints them: 1.2e-05
        return true;
    }
    auto* own = new QTranslator(app);
    own->setObjectName(kTranslatorName);
    if (!own->load(translationResource(language))) {
        delete own;
        QLocale::setDefault(QLocale::c()); // numbers as the CLI prints them: 1.2e-05
        return false;
    }
    app->installTranslator(own);
    QLocale::setDefault(QLocale(language));
    // Qt's own dialogs (file dialog, message box buttons) in the same language when available.
    auto* qt = new QTranslator(app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace opdims::explorer
