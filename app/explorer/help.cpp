// The Help menu's texts (help.h).
#include "app/explorer/help.h"

#include "app/explorer/presentation.h"

#include <QStringList>

#include "widgets/state_space_view.h"

#include <Eigen/Core>

namespace opdims::explorer {

QString Help::about() {
    return QCoreApplication::translate(
               "Help",
               "<h3>opdims-explorer %1</h3>"
               "<p>Explores how the connectivity of a recurrent neural network produces its "
               "dynamics, through its <i>operative dimensions</i>.</p>"
               "<p>The method: R. Krause, M. Cook, S. Kollmorgen, V. Mante, G. Indiveri, "
               "<i>Operative dimensions in unconstrained connectivity of recurrent neural "
               "networks</i>, Advances in Neural Information Processing Systems (NeurIPS) 2022. "
               "The authors' code and networks: "
               "<a href=\"https://github.com/ManteLab/operative_dimensions\">"
               "github.com/ManteLab/operative_dimensions</a>.</p>"
               "<p>Built with Qt %2, VTK %3, Eigen %4.%5.%6, QCustomPlot and HDF5.</p>"
               "<p><b>Licences.</b> The ctxt and swg networks the app opens first are network 1 "
               "of each task published by the authors, unchanged, under their MIT licence "
               "(resources/networks/LICENSE-authors-networks.txt):</p>"
               "<p><small>MIT License. Copyright (c) 2022 University of Zurich. Permission is "
               "hereby granted, free of charge, to any person obtaining a copy of this software "
               "and associated documentation files (the \"Software\"), to deal in the Software "
               "without restriction, including without limitation the rights to use, copy, "
               "modify, merge, publish, distribute, sublicense, and/or sell copies of the "
               "Software, and to permit persons to whom the Software is furnished to do so, "
               "subject to the following conditions: The above copyright notice and this "
               "permission notice shall be included in all copies or substantial portions of the "
               "Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, "
               "EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF "
               "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT "
               "SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER "
               "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT "
               "OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE "
               "SOFTWARE.</small></p>"
               "<p>The libraries keep their own licences: Qt (LGPL 3), VTK (BSD 3-clause), Eigen "
               "(MPL 2), QCustomPlot (GPL 3), HDF5 (BSD-style).</p>")
        .arg(QStringLiteral(OPDIMS_VERSION), QString::fromLatin1(qVersion()),
             widgets::StateSpaceView::vtkVersion())
        .arg(EIGEN_WORLD_VERSION)
        .arg(EIGEN_MAJOR_VERSION)
        .arg(EIGEN_MINOR_VERSION);
}

QString Help::glossary() {
    const QStringList entries = {
        QCoreApplication::translate(
            "Help",
            "<b>Cost</b>: the mean squared error of the network's output against the target, over "
            "outputs, time steps and trials of a batch."),
        QCoreApplication::translate(
            "Help",
            "<b>State distance</b>: the mean distance between the states of a changed network and "
            "those of the full network on the same trials."),
        QCoreApplication::translate(
            "Help",
            "<b>Sampling location</b>: a state the network visits, the average over the trials of "
            "one condition at one time; local operative dimensions are computed there."),
        QCoreApplication::translate(
            "Help",
            "<b>Local operative dimension</b>: at one sampling location, a direction of the "
            "columns "
            "(or rows) of W whose removal changes the next state most; found one after another, "
            "each orthogonal to the earlier ones."),
        QCoreApplication::translate(
            "Help",
            "<b>Operative dimensions</b> (global): the directions that summarise the local ones of "
            "all sampling locations, ordered by how much they matter."),
        QCoreApplication::translate(
            "Help",
            "<b>Function-specific</b> operative dimensions: those of the sampling locations of one "
            "function only, e.g. context 1."),
        QCoreApplication::translate("Help", "<b>PC dimension</b>: a principal direction (left "
                                            "singular vector) of W itself, ordered "
                                            "by singular value."),
        QCoreApplication::translate(
            "Help",
            "<b>Reduced-rank network</b>: the network with W replaced by the reduced-rank weight "
            "matrix W_k, which keeps only k dimensions of a basis."),
        QCoreApplication::translate(
            "Help",
            "<b>Removing dimensions</b>: W minus its projection onto chosen dimensions; what "
            "breaks shows what they were for."),
        QCoreApplication::translate(
            "Help",
            "<b>Fixed point</b>: a state the network does not leave under a constant input; "
            "<b>slow point</b>: one where it moves very slowly."),
        QCoreApplication::translate(
            "Help",
            "<b>Stable</b> fixed point: every nearby state returns to it; <b>saddle</b>: some "
            "directions return, others (its unstable modes) leave."),
        QCoreApplication::translate(
            "Help",
            "<b>Trial set</b>: a file of trials (inputs, targets, condition labels) the network is "
            "analysed on instead of its task's grid batch (File > Open trials)."),
        QCoreApplication::translate(
            "Help",
            "<b>Principal angles</b>: the angles between two subspaces, 0 degrees for a shared "
            "direction, 90 for an orthogonal one.")};
    return QStringLiteral("<p>") + entries.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>");
}

QString Help::shortcuts() {
    QString rows;
    for (const ShortcutEntry& e : shortcutList())
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(e.keys.toHtmlEscaped(), e.what.toHtmlEscaped());
    return QStringLiteral("<table>%1</table>").arg(rows);
}

} // namespace opdims::explorer
