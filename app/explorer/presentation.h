// Presentation mode: full screen, the interface scale, a high-contrast light scheme, the 3D view
// on its own, and the keyboard shortcuts a presenter repeats, working whichever widget has focus.
#pragma once

#include <QByteArray>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QRect>
#include <QString>

class QAction;
class QKeyEvent;
class QMenu;

namespace opdims::explorer {

class MainWindow;

// One shortcut and what it does (listed in Help > Keyboard and mouse).
struct ShortcutEntry {
    QString keys; // as shown, in the native format
    QString what;
};
// Every shortcut of the explorer, in the interface language.
QList<ShortcutEntry> shortcutList();

class Presentation : public QObject {
    Q_OBJECT
public:
    // Adds the presentation items to `viewMenu` and the presenter shortcuts to `window`, and
    // applies the remembered scale and colours.
    Presentation(MainWindow* window, QMenu* viewMenu);

    // 100 to 250 %, in steps of 25 (Ctrl+Plus / Ctrl+Minus / Ctrl+0); remembered. Reaches the
    // fonts of the interface, the plots' text and the 3D view's text, lines and glyphs.
    int scalePercent() const { return m_scale; }
    void setScalePercent(int percent);
    static constexpr int kMinScale = 100;
    static constexpr int kMaxScale = 250;
    static constexpr int kScaleStep = 25;

    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);

    bool isFullScreen() const;
    void setFullScreen(bool on);
    // The 3D view alone: every dock hidden (and back as they were).
    bool viewMaximised() const { return m_viewMaximised; }
    void setViewMaximised(bool on);

    // A window that replaces another (language switch): full screen and the 3D view alone as
    // there, with the docks that view had hidden.
    void takeOver(const Presentation& other);

    QAction* fullScreenAction() const { return m_fullScreen; }
    QAction* playAction() const { return m_play; }

    // True when the key event is a presenter shortcut that must win over the focus widget (a
    // slider takes Ctrl+arrows, a button Space; text boxes keep Space).
    bool claims(QObject* watched, const QKeyEvent* event) const;

signals:
    void scaleChanged(int percent);

private:
    void applyScale();
    void applyColours();

    MainWindow* m_window;
    int m_scale = 100;
    double m_baseFontPoints = 0.0;
    double m_appliedScale = 0.0; // the scale the docks were sized for
    bool m_highContrast = false;
    bool m_viewMaximised = false;
    QByteArray m_dockState;
    QRect m_normalGeometry; // the window's place before full screen
    QAction* m_fullScreen = nullptr;
    QAction* m_maximiseView = nullptr;
    QAction* m_highContrastAction = nullptr;
    QAction* m_play = nullptr;
    QList<QKeySequence> m_claimed;
};

} // namespace opdims::explorer
