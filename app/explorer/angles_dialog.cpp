// AnglesDialog (angles_dialog.h).
#include "app/explorer/angles_dialog.h"

#include "app/explorer/labels.h"
#include "app/explorer/session.h"
#include "core/analysis/angles.h"
#include "widgets/plot_view.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <numbers>

namespace opdims::explorer {

AnglesDialog::AnglesDialog(Session* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_a(new QComboBox(this)), m_b(new QComboBox(this)),
      m_k(new QSpinBox(this)), m_plot(new widgets::PlotView(this)), m_numbers(new QLabel(this)) {
    setWindowTitle(tr("Principal angles between two bases"));
    m_a->setToolTip(tr("The first subspace: the leading k dimensions of this basis"));
    m_b->setToolTip(tr("The second subspace: the leading k dimensions of this basis"));
    m_k->setToolTip(tr("How many leading dimensions of each basis span the two subspaces"));
    auto* form = new QFormLayout;
    form->addRow(tr("First basis:"), m_a);
    form->addRow(tr("Second basis:"), m_b);
    form->addRow(tr("Leading dimensions k:"), m_k);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_numbers);
    m_numbers->setWordWrap(true);
    // Room for two lines, which a word-wrapped label in a layout does not always ask for.
    m_numbers->setMinimumHeight(2 * m_numbers->fontMetrics().lineSpacing() + 6);
    m_numbers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_plot->setTitle(tr("Principal angles"));
    m_plot->setAxisLabels(tr("angle number"), tr("angle (degrees)"));
    m_k->setRange(1, 1);
    m_k->setValue(5);
    m_k->setToolTip(tr("How many leading dimensions of each basis span the two subspaces"));
    resize(560, 460);
    fillBases();
    for (QComboBox* c : {m_a, m_b})
        connect(c, &QComboBox::currentIndexChanged, this, &AnglesDialog::recompute);
    connect(m_k, &QSpinBox::valueChanged, this, &AnglesDialog::recompute);
    connect(m_session, &Session::analysisChanged, this, &AnglesDialog::fillBases);
    connect(m_session, &Session::basesAdded, this, [this] { fillBases(); });
    recompute();
}

void AnglesDialog::fillBases() {
    const QString a = m_a->currentData().toString(), b = m_b->currentData().toString();
    {
        const QSignalBlocker blockA(m_a), blockB(m_b);
        m_a->clear();
        m_b->clear();
        for (const NamedBasis& nb : m_session->bases())
            for (QComboBox* c : {m_a, m_b})
                c->addItem(basisTitle(nb.name), QString::fromStdString(nb.key));
        if (m_other)
            for (const NamedBasis& nb : m_other->bases())
                for (QComboBox* c : {m_a, m_b})
                    c->addItem(tr("second network: %1").arg(basisTitle(nb.name)),
                               QStringLiteral("2:") + QString::fromStdString(nb.key));
        // Keep the choice; else the first two bases (PC and operative columns).
        m_a->setCurrentIndex(std::max(0, m_a->findData(a)));
        m_b->setCurrentIndex(
            std::max(0, b.isEmpty() ? std::min(1, m_b->count() - 1) : m_b->findData(b)));
    }
    recompute();
}

void AnglesDialog::setSecondSession(Session* other) {
    if (other == m_other)
        return;
    m_other = other;
    if (m_other) {
        connect(m_other, &Session::analysisChanged, this, &AnglesDialog::fillBases);
        connect(m_other, &Session::basesAdded, this, [this] { fillBases(); });
    }
    fillBases();
}

const NamedBasis* AnglesDialog::basisOf(const QString& choice) const {
    if (choice.startsWith(QStringLiteral("2:")))
        return m_other ? m_other->basis(choice.mid(2).toStdString()) : nullptr;
    return m_session->basis(choice.toStdString());
}

void AnglesDialog::choose(const std::string& a, const std::string& b, int k) {
    {
        const QSignalBlocker blockA(m_a), blockB(m_b), blockK(m_k);
        m_a->setCurrentIndex(m_a->findData(QString::fromStdString(a)));
        m_b->setCurrentIndex(m_b->findData(QString::fromStdString(b)));
        m_k->setValue(k);
    }
    recompute();
}

void AnglesDialog::recompute() {
    m_angles.clear();
    const NamedBasis* a = basisOf(m_a->currentData().toString());
    const NamedBasis* b = basisOf(m_b->currentData().toString());
    if (!a || !b) {
        m_plot->setSeries({});
        m_numbers->setText(tr("Open a network first."));
        return;
    }
    const int most = std::min(a->basis->size(), b->basis->size());
    {
        const QSignalBlocker block(m_k);
        m_k->setRange(1, std::max(1, most));
    }
    const int k = std::min(m_k->value(), most);
    const Eigen::VectorXd angles =
        principalAngles(a->basis->Q.leftCols(k), b->basis->Q.leftCols(k)) *
        (180.0 / std::numbers::pi);
    widgets::PlotSeries s;
    s.name = tr("%1 vs %2").arg(basisShortTitle(a->name), basisShortTitle(b->name));
    s.color = QColor(214, 39, 40);
    const QLocale l;
    QStringList numbers;
    for (Eigen::Index i = 0; i < angles.size(); ++i) {
        m_angles.push_back(angles(i));
        s.x.append(static_cast<double>(i + 1));
        s.y.append(angles(i));
        numbers << l.toString(angles(i), 'f', 1);
    }
    m_plot->setSeries({s});
    m_numbers->setText(tr("Principal angles (degrees): %1. 0 means a shared direction, 90 an "
                          "orthogonal one.")
                           .arg(numbers.join(QStringLiteral(", "))));
}

} // namespace opdims::explorer
