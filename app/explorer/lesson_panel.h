// The Lesson dock: the lesson's title, the step's text and question, Back / Next (Page Up /
// Page Down anywhere in the window), "Return to this step" after free play; before a lesson is
// open, an offer to start one.
#pragma once

#include "app/explorer/lesson.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace opdims::explorer {

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    // The page offering the shipped lessons (first start, or no lesson open).
    void showOffer();
    void showStep(const Lesson& lesson, int index);
    QString stepText() const;
    QPushButton* nextButton() const { return m_next; }
    QPushButton* backButton() const { return m_back; }

signals:
    void nextRequested();
    void backRequested();
    void returnRequested();
    void closeRequested();
    void lessonRequested(const QString& name); // one of shippedLessonNames()
    void offerDeclined();

private:
    QStackedWidget* m_pages;
    QLabel* m_lessonTitle;
    QLabel* m_stepTitle;
    QTextBrowser* m_text;
    QPushButton* m_back;
    QPushButton* m_next;
};

} // namespace opdims::explorer
