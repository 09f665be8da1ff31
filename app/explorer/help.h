// The Help menu's texts: About, the glossary of the terms the window uses, keyboard shortcuts.
// Rich text, translated (docs/analysis.md explains the method at length).
#pragma once

#include <QCoreApplication>
#include <QString>

namespace opdims::explorer {

// Translated in the context "Help".
class Help {
public:
    static QString about();
    static QString glossary();
    static QString shortcuts();
};

} // namespace opdims::explorer
