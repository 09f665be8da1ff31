// Presentation mode (see presentation.h). The scale and the colours are application-wide: the
// window a language switch makes gets them again from the settings.
#include "app/explorer/presentation.h"

#include "app/explorer/ablation_panel.h"
#include "app/explorer/main_window.h"
#include "app/explorer/playback.h"
#include "app/explorer/state_space_panel.h"
#include "widgets/plot_view.h"
#include "widgets/state_space_view.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QStyle>
#include <QTextEdit>

#include <algorithm>

namespace opdims::explorer {

namespace {

const char* const kScaleKey = "view/scalePercent";
const char* const kContrastKey = "view/highContrast";
const char* const kBaseFontProperty = "opdimsBaseFontPoints";

QKeySequence seq(QKeyCombination c) {
    return QKeySequence(c);
}

QString keysText(const QList<QKeySequence>& keys) {
    QStringList parts;
    for (const QKeySequence& k : keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

QPalette highContrastPalette() {
    QPalette p;
    const QColor white(255, 255, 255), black(0, 0, 0), frame(40, 40, 40);
    p.setColor(QPalette::Window, white);
    p.setColor(QPalette::WindowText, black);
    p.setColor(QPalette::Base, white);
    p.setColor(QPalette::AlternateBase, QColor(232, 232, 232));
    p.setColor(QPalette::Text, black);
    p.setColor(QPalette::Button, QColor(236, 236, 236));
    p.setColor(QPalette::ButtonText, black);
    p.setColor(QPalette::BrightText, QColor(180, 0, 0));
    p.setColor(QPalette::Highlight, QColor(0, 50, 150));
    p.setColor(QPalette::HighlightedText, white);
    p.setColor(QPalette::ToolTipBase, white);
    p.setColor(QPalette::ToolTipText, black);
    p.setColor(QPalette::PlaceholderText, QColor(70, 70, 70));
    p.setColor(QPalette::Link, QColor(0, 0, 190));
    p.setColor(QPalette::Light, white);
    p.setColor(QPalette::Midlight, QColor(200, 200, 200));
    p.setColor(QPalette::Mid, QColor(110, 110, 110));
    p.setColor(QPalette::Dark, frame);
    p.setColor(QPalette::Shadow, black);
    // Disabled text stays readable on a projector: dark grey, not light grey.
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(95, 95, 95));
    return p;
}

} // namespace

QList<ShortcutEntry> shortcutList() {
    auto tr = [](const char* text) { return QCoreApplication::translate("Presentation", text); };
    QList<ShortcutEntry> list{
        {keysText({QKeySequence::Open}), tr("open a network")},
        {seq(Qt::CTRL | Qt::Key_T).toString(QKeySequence::NativeText), tr("open a trial set")},
        {keysText({QKeySequence::Save, QKeySequence::SaveAs}), tr("save, save as")},
        {keysText({QKeySequence::Quit}), tr("quit")},
        {QStringLiteral("F11"), tr("full screen on or off")},
        {keysText({seq(Qt::CTRL | Qt::Key_Plus), seq(Qt::CTRL | Qt::Key_Minus),
                   seq(Qt::CTRL | Qt::Key_0)}),
         tr("interface scale: larger, smaller, 100 %")},
        {seq(Qt::CTRL | Qt::Key_M).toString(QKeySequence::NativeText),
         tr("the 3D view alone (every dock hidden) or back")},
        {seq(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText), tr("reset the camera")},
        {tr("Space"), tr("play or pause time")},
        {keysText({seq(Qt::CTRL | Qt::Key_B), seq(Qt::CTRL | Qt::SHIFT | Qt::Key_B)}),
         tr("next, previous basis")},
        {keysText({seq(Qt::CTRL | Qt::Key_Right), seq(Qt::CTRL | Qt::Key_Left)}),
         tr("k + 1, k − 1")},
        {keysText(
             {seq(Qt::CTRL | Qt::SHIFT | Qt::Key_Right), seq(Qt::CTRL | Qt::SHIFT | Qt::Key_Left)}),
         tr("k + 10, k − 10")},
        {keysText({seq(Qt::Key_PageDown), seq(Qt::Key_PageUp)}), tr("next, previous lesson step")},
        {tr("left mouse button"), tr("rotate the 3D view")},
        {tr("middle button, Shift + left"), tr("pan")},
        {tr("wheel, right button"), tr("zoom")},
        {tr("double-click on a plot"), tr("fit it")}};
    return list;
}

Presentation::Presentation(MainWindow* window, QMenu* viewMenu)
    : QObject(window), m_window(window) {
    // The font the application started with, once: a new window (language switch) scales the
    // same base.
    QVariant base = qApp->property(kBaseFontProperty);
    if (!base.isValid()) {
        base = QApplication::font().pointSizeF();
        qApp->setProperty(kBaseFontProperty, base);
    }
    m_baseFontPoints = base.toDouble();

    viewMenu->addSeparator();
    m_fullScreen = viewMenu->addAction(tr("&Full screen"));
    m_fullScreen->setCheckable(true);
    // F11 everywhere, and the platform's own key where it has another one (Ctrl+Meta+F on macOS).
    QList<QKeySequence> fullScreenKeys{QKeySequence(Qt::Key_F11)};
    for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::FullScreen))
        if (!fullScreenKeys.contains(k))
            fullScreenKeys << k;
    m_fullScreen->setShortcuts(fullScreenKeys);
    connect(m_fullScreen, &QAction::triggered, this, &Presentation::setFullScreen);
    m_maximiseView = viewMenu->addAction(tr("3D view &alone"));
    m_maximiseView->setCheckable(true);
    m_maximiseView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_maximiseView, &QAction::triggered, this, &Presentation::setViewMaximised);
    m_highContrastAction = viewMenu->addAction(tr("&High-contrast light colours"));
    m_highContrastAction->setCheckable(true);
    connect(m_highContrastAction, &QAction::triggered, this, &Presentation::setHighContrast);

    QMenu* scale = viewMenu->addMenu(tr("Interface &scale"));
    QAction* larger =
        scale->addAction(tr("Larger"), this, [this] { setScalePercent(m_scale + kScaleStep); });
    larger->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* smaller =
        scale->addAction(tr("Smaller"), this, [this] { setScalePercent(m_scale - kScaleStep); });
    smaller->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QAction* reset = scale->addAction(tr("100 %"), this, [this] { setScalePercent(kMinScale); });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    scale->addSeparator();
    for (int p = kMinScale; p <= kMaxScale; p += kScaleStep)
        scale->addAction(tr("%1 %").arg(p), this, [this, p] { setScalePercent(p); });

    // The presenter's keys: in the View menu (so they are discoverable) and claimed from the
    // focus widget (see claims()).
    QMenu* presenter = viewMenu->addMenu(tr("&Presenter keys"));
    m_play = presenter->addAction(tr("Play / pause time"), this, [this] {
        m_window->stateSpace()->setTimeShown(true);
        m_window->stateSpace()->playback()->toggle();
    });
    m_play->setShortcut(QKeySequence(Qt::Key_Space));
    QAction* resetCamera = presenter->addAction(tr("Reset camera"), m_window->stateSpace()->view(),
                                                &widgets::StateSpaceView::resetCamera);
    resetCamera->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* nextBasis = presenter->addAction(tr("Next basis"), this,
                                              [this] { m_window->ablationPanel()->stepBasis(1); });
    nextBasis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction* previousBasis = presenter->addAction(
        tr("Previous basis"), this, [this] { m_window->ablationPanel()->stepBasis(-1); });
    previousBasis->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    const std::pair<int, QKeySequence> steps[] = {
        {1, QKeySequence(Qt::CTRL | Qt::Key_Right)},
        {-1, QKeySequence(Qt::CTRL | Qt::Key_Left)},
        {10, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right)},
        {-10, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left)}};
    for (const auto& [delta, keys] : steps) {
        QAction* a = presenter->addAction(
            delta > 0 ? tr("k + %1").arg(delta) : tr("k − %1").arg(-delta), this,
            [this, d = delta] {
                AblationPanel* panel = m_window->ablationPanel();
                panel->setRank(std::clamp(panel->rank() + d, panel->slider()->minimum(),
                                          panel->slider()->maximum()));
            });
        a->setShortcut(keys);
        m_claimed << keys;
    }
    m_claimed << m_play->shortcut() << resetCamera->shortcut() << nextBasis->shortcut()
              << previousBasis->shortcut() << m_maximiseView->shortcut();

    connect(m_window->stateSpace()->playback(), &Playback::playingChanged, this,
            [this](bool playing) {
                m_play->setText(playing ? tr("Pause time") : tr("Play / pause time"));
            });

    QSettings settings;
    m_highContrast = settings.value(QLatin1String(kContrastKey), false).toBool();
    m_highContrastAction->setChecked(m_highContrast);
    m_scale = std::clamp(settings.value(QLatin1String(kScaleKey), kMinScale).toInt(), kMinScale,
                         kMaxScale);
    applyColours();
    applyScale();
}

void Presentation::setScalePercent(int percent) {
    percent = std::clamp(percent, kMinScale, kMaxScale);
    if (percent == m_scale)
        return;
    m_scale = percent;
    QSettings().setValue(QLatin1String(kScaleKey), m_scale);
    applyScale();
    emit scaleChanged(m_scale);
}

void Presentation::applyScale() {
    const double factor = m_scale / 100.0;
    // The docks grow with their text (at most to a share of the window), so that their plots and
    // lists keep room to show something.
    if (m_appliedScale > 0.0 && m_appliedScale != factor && m_window->isVisible()) {
        const double ratio = factor / m_appliedScale;
        QList<QDockWidget*> bottom, left;
        QList<int> heights, widths;
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
            if (!dock->isVisible() || dock->isFloating())
                continue;
            const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
            if (area == Qt::BottomDockWidgetArea) {
                bottom << dock;
                heights << std::min(static_cast<int>(dock->height() * ratio),
                                    static_cast<int>(0.45 * m_window->height()));
            } else if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea) {
                left << dock;
                widths << std::min(static_cast<int>(dock->width() * ratio),
                                   static_cast<int>(0.35 * m_window->width()));
            }
        }
        if (!bottom.isEmpty())
            m_window->resizeDocks(bottom, heights, Qt::Vertical);
        if (!left.isEmpty())
            m_window->resizeDocks(left, widths, Qt::Horizontal);
    }
    m_appliedScale = factor;
    QFont font = QApplication::font();
    if (m_baseFontPoints > 0.0)
        font.setPointSizeF(m_baseFontPoints * factor);
    QApplication::setFont(font);
    for (auto* plot : m_window->findChildren<widgets::PlotView*>())
        plot->setInterfaceScale(factor);
    for (auto* view : m_window->findChildren<widgets::StateSpaceView*>())
        view->setInterfaceScale(factor);
}

void Presentation::setHighContrast(bool on) {
    m_highContrast = on;
    m_highContrastAction->setChecked(on);
    QSettings().setValue(QLatin1String(kContrastKey), on);
    applyColours();
}

void Presentation::applyColours() {
    QApplication::setPalette(m_highContrast ? highContrastPalette()
                                            : QApplication::style()->standardPalette());
}

bool Presentation::isFullScreen() const {
    return m_window->isFullScreen();
}

void Presentation::setFullScreen(bool on) {
    if (on == m_window->isFullScreen()) {
        m_fullScreen->setChecked(on);
        return;
    }
    if (on) {
        m_normalGeometry = m_window->geometry();
        // Without a window manager (a bare X server, a kiosk) the state alone changes nothing:
        // cover the screen ourselves too.
        if (QScreen* screen = m_window->screen())
            m_window->setGeometry(screen->geometry());
        m_window->showFullScreen();
    } else {
        m_window->showNormal();
        if (m_normalGeometry.isValid())
            m_window->setGeometry(m_normalGeometry);
    }
    m_fullScreen->setChecked(on);
}

void Presentation::setViewMaximised(bool on) {
    if (on == m_viewMaximised)
        return;
    m_viewMaximised = on;
    m_maximiseView->setChecked(on);
    if (on) {
        m_dockState = m_window->saveState();
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            dock->hide();
    } else {
        m_window->restoreState(m_dockState);
    }
}

void Presentation::takeOver(const Presentation& other) {
    if (other.m_viewMaximised) {
        m_viewMaximised = true;
        m_maximiseView->setChecked(true);
        m_dockState = other.m_dockState;
    }
    if (other.isFullScreen())
        setFullScreen(true);
}

bool Presentation::claims(QObject* watched, const QKeyEvent* event) const {
    const QKeySequence pressed(event->keyCombination());
    if (!m_claimed.contains(pressed))
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    // The window and its floating docks (their parent is the window).
    QWidget* top = widget ? widget->window() : nullptr;
    if (!top ||
        (top != m_window && !(qobject_cast<QDockWidget*>(top) && top->parentWidget() == m_window)))
        return false;
    // Space types a space where text is typed.
    if (event->key() == Qt::Key_Space) {
        const auto* text = qobject_cast<QTextEdit*>(widget);
        const auto* plain = qobject_cast<QPlainTextEdit*>(widget);
        const auto* combo = qobject_cast<QComboBox*>(widget);
        if (qobject_cast<QLineEdit*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
            (text && !text->isReadOnly()) || (plain && !plain->isReadOnly()) ||
            (combo && combo->isEditable()))
            return false;
    }
    return true;
}

} // namespace opdims::explorer
