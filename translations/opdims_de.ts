<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>Figures</name>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>remove k = %1 of %2</source>
        <translation>entferne k = %1 von %2</translation>
    </message>
    <message>
        <source>keep k = %1 of %2</source>
        <translation>behalte k = %1 von %2</translation>
    </message>
    <message>
        <source>cost %1 (full network %2)</source>
        <translation>Kosten %1 (volles Netz %2)</translation>
    </message>
    <message>
        <source>3D view: %1</source>
        <translation>3D-Ansicht: %1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&lt;b&gt;Cost&lt;/b&gt;: the mean squared error of the network&apos;s output against the target, over outputs, time steps and trials of a batch.</source>
        <translation>&lt;b&gt;Kosten&lt;/b&gt;: der mittlere quadratische Fehler der Ausgabe des Netzes gegenüber dem Ziel, über Ausgaben, Zeitschritte und Durchgänge eines Stapels.</translation>
    </message>
    <message>
        <source>&lt;b&gt;State distance&lt;/b&gt;: the mean distance between the states of a changed network and those of the full network on the same trials.</source>
        <translation>&lt;b&gt;Zustandsabstand&lt;/b&gt;: der mittlere Abstand zwischen den Zuständen eines veränderten Netzes und denen des vollen Netzes in denselben Durchgängen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sampling location&lt;/b&gt;: a state the network visits, the average over the trials of one condition at one time; local operative dimensions are computed there.</source>
        <translation>&lt;b&gt;Abtastort&lt;/b&gt;: ein Zustand, den das Netz besucht, der Mittelwert über die Durchgänge einer Bedingung zu einer Zeit; dort werden lokale operative Dimensionen berechnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Local operative dimension&lt;/b&gt;: at one sampling location, a direction of the columns (or rows) of W whose removal changes the next state most; found one after another, each orthogonal to the earlier ones.</source>
        <translation>&lt;b&gt;Lokale operative Dimension&lt;/b&gt;: an einem Abtastort eine Richtung der Spalten (oder Zeilen) von W, deren Entfernen den nächsten Zustand am stärksten ändert; eine nach der anderen gefunden, jede orthogonal zu den früheren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Operative dimensions&lt;/b&gt; (global): the directions that summarise the local ones of all sampling locations, ordered by how much they matter.</source>
        <translation>&lt;b&gt;Operative Dimensionen&lt;/b&gt; (global): die Richtungen, die die lokalen aller Abtastorte zusammenfassen, geordnet nach ihrer Bedeutung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Function-specific&lt;/b&gt; operative dimensions: those of the sampling locations of one function only, e.g. context 1.</source>
        <translation>&lt;b&gt;Funktionsspezifische&lt;/b&gt; operative Dimensionen: die der Abtastorte nur einer Funktion, z. B. Kontext 1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;PC dimension&lt;/b&gt;: a principal direction (left singular vector) of W itself, ordered by singular value.</source>
        <translation>&lt;b&gt;PC-Dimension&lt;/b&gt;: eine Hauptrichtung (linker Singulärvektor) von W selbst, geordnet nach dem Singulärwert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reduced-rank network&lt;/b&gt;: the network with W replaced by the reduced-rank weight matrix W_k, which keeps only k dimensions of a basis.</source>
        <translation>&lt;b&gt;Netz reduzierten Rangs&lt;/b&gt;: das Netz mit W ersetzt durch die Gewichtsmatrix reduzierten Rangs W_k, die nur k Dimensionen einer Basis behält.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Removing dimensions&lt;/b&gt;: W minus its projection onto chosen dimensions; what breaks shows what they were for.</source>
        <translation>&lt;b&gt;Dimensionen entfernen&lt;/b&gt;: W ohne seine Projektion auf gewählte Dimensionen; was ausfällt, zeigt, wofür sie da waren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fixed point&lt;/b&gt;: a state the network does not leave under a constant input; &lt;b&gt;slow point&lt;/b&gt;: one where it moves very slowly.</source>
        <translation>&lt;b&gt;Fixpunkt&lt;/b&gt;: ein Zustand, den das Netz unter konstanter Eingabe nicht verlässt; &lt;b&gt;langsamer Punkt&lt;/b&gt;: einer, an dem es sich sehr langsam bewegt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stable&lt;/b&gt; fixed point: every nearby state returns to it; &lt;b&gt;saddle&lt;/b&gt;: some directions return, others (its unstable modes) leave.</source>
        <translation>&lt;b&gt;Stabiler&lt;/b&gt; Fixpunkt: jeder nahe Zustand kehrt zu ihm zurück; &lt;b&gt;Sattel&lt;/b&gt;: manche Richtungen kehren zurück, andere (seine instabilen Moden) entfernen sich.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Principal angles&lt;/b&gt;: the angles between two subspaces, 0 degrees for a shared direction, 90 for an orthogonal one.</source>
        <translation>&lt;b&gt;Hauptwinkel&lt;/b&gt;: die Winkel zwischen zwei Unterräumen, 0 Grad für eine gemeinsame Richtung, 90 für eine orthogonale.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trial set&lt;/b&gt;: a file of trials (inputs, targets, condition labels) the network is analysed on instead of its task&apos;s grid batch (File &gt; Open trials).</source>
        <translation>&lt;b&gt;Durchgangssatz&lt;/b&gt;: eine Datei von Durchgängen (Eingänge, Ziele, Bedingungsnamen), auf der das Netz statt auf dem Gitter-Stapel seiner Aufgabe analysiert wird (Datei &gt; Durchgänge öffnen).</translation>
    </message>
    <message>
        <source>&lt;h3&gt;opdims-explorer %1&lt;/h3&gt;&lt;p&gt;Explores how the connectivity of a recurrent neural network produces its dynamics, through its &lt;i&gt;operative dimensions&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;The method: R. Krause, M. Cook, S. Kollmorgen, V. Mante, G. Indiveri, &lt;i&gt;Operative dimensions in unconstrained connectivity of recurrent neural networks&lt;/i&gt;, Advances in Neural Information Processing Systems (NeurIPS) 2022. The authors&apos; code and networks: &lt;a href=&quot;https://github.com/ManteLab/operative_dimensions&quot;&gt;github.com/ManteLab/operative_dimensions&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2, VTK %3, Eigen %4.%5.%6, QCustomPlot and HDF5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences.&lt;/b&gt; The ctxt and swg networks the app opens first are network 1 of each task published by the authors, unchanged, under their MIT licence (resources/networks/LICENSE-authors-networks.txt):&lt;/p&gt;&lt;p&gt;&lt;small&gt;MIT License. Copyright (c) 2022 University of Zurich. Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the &quot;Software&quot;), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED &quot;AS IS&quot;, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.&lt;/small&gt;&lt;/p&gt;&lt;p&gt;The libraries keep their own licences: Qt (LGPL 3), VTK (BSD 3-clause), Eigen (MPL 2), QCustomPlot (GPL 3), HDF5 (BSD-style).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;opdims-explorer %1&lt;/h3&gt;&lt;p&gt;Untersucht, wie die Verbindungen eines rekurrenten neuronalen Netzes seine Dynamik erzeugen, über seine &lt;i&gt;operativen Dimensionen&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Die Methode: R. Krause, M. Cook, S. Kollmorgen, V. Mante, G. Indiveri, &lt;i&gt;Operative dimensions in unconstrained connectivity of recurrent neural networks&lt;/i&gt;, Advances in Neural Information Processing Systems (NeurIPS) 2022. Code und Netze der Autoren: &lt;a href=&quot;https://github.com/ManteLab/operative_dimensions&quot;&gt;github.com/ManteLab/operative_dimensions&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Gebaut mit Qt %2, VTK %3, Eigen %4.%5.%6, QCustomPlot und HDF5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lizenzen.&lt;/b&gt; Die ctxt- und swg-Netze, die die App zuerst öffnet, sind das von den Autoren veröffentlichte Netz 1 jeder Aufgabe, unverändert, unter ihrer MIT-Lizenz (resources/networks/LICENSE-authors-networks.txt; der Lizenztext gilt im englischen Original):&lt;/p&gt;&lt;p&gt;&lt;small&gt;MIT License. Copyright (c) 2022 University of Zurich. Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the &quot;Software&quot;), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED &quot;AS IS&quot;, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.&lt;/small&gt;&lt;/p&gt;&lt;p&gt;Die Bibliotheken behalten ihre eigenen Lizenzen: Qt (LGPL 3), VTK (BSD, 3 Klauseln), Eigen (MPL 2), QCustomPlot (GPL 3), HDF5 (BSD-artig).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>context 1 only</source>
        <translation>nur Kontext 1</translation>
    </message>
    <message>
        <source>context 2 only</source>
        <translation>nur Kontext 2</translation>
    </message>
    <message>
        <source>positive choice only</source>
        <translation>nur positive Entscheidung</translation>
    </message>
    <message>
        <source>negative choice only</source>
        <translation>nur negative Entscheidung</translation>
    </message>
    <message>
        <source>PC dimensions</source>
        <translation>PC-Dimensionen</translation>
    </message>
    <message>
        <source>operative dimensions (columns)</source>
        <translation>operative Dimensionen (Spalten)</translation>
    </message>
    <message>
        <source>operative dimensions (rows)</source>
        <translation>operative Dimensionen (Zeilen)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <source>OP columns</source>
        <translation>OP Spalten</translation>
    </message>
    <message>
        <source>OP rows</source>
        <translation>OP Zeilen</translation>
    </message>
    <message>
        <source>%1 Hz (id %2)</source>
        <translation>%1 Hz (Nr. %2)</translation>
    </message>
    <message>
        <source>context %1, coh 1 %2, coh 2 %3</source>
        <translation>Kontext %1, Koh. 1 %2, Koh. 2 %3</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <source>all inputs zero</source>
        <translation>alle Eingänge null</translation>
    </message>
    <message>
        <source>%1 at t = %2</source>
        <translation>%1 bei t = %2</translation>
    </message>
    <message>
        <source>%1 at t = %2 (%3)</source>
        <translation>%1 bei t = %2 (%3)</translation>
    </message>
    <message>
        <source>context-dependent integration (ctxt)</source>
        <translation>kontextabhängige Integration (ctxt)</translation>
    </message>
    <message>
        <source>sine wave generation (swg)</source>
        <translation>Sinuswellen-Erzeugung (swg)</translation>
    </message>
    <message>
        <source>3-bit flip-flop (flipflop)</source>
        <translation>3-Bit-Flipflop (flipflop)</translation>
    </message>
    <message>
        <source>perceptual decision making (decision)</source>
        <translation>perzeptuelle Entscheidung (decision)</translation>
    </message>
    <message>
        <source>trials from a file</source>
        <translation>Trials aus einer Datei</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Fixed points of W with the ticked dimensions removed under %1: %2 stable, %3 saddles, %4 marginal, %5 unstable; %6 slow points</source>
        <translation>Fixpunkte von W ohne die angehakten Dimensionen unter %1: %2 stabil, %3 Sattelpunkte, %4 marginal, %5 instabil; %6 langsame Punkte</translation>
    </message>
    <message>
        <source>Fixed points of the reduced-rank network under %1: %2 stable, %3 saddles, %4 marginal, %5 unstable; %6 slow points</source>
        <translation>Fixpunkte des Netzes reduzierten Rangs unter %1: %2 stabil, %3 Sattelpunkte, %4 marginal, %5 instabil; %6 langsame Punkte</translation>
    </message>
    <message>
        <source>slow point</source>
        <translation>langsamer Punkt</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>marginal</source>
        <translation>marginal</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>Sattelpunkt</translation>
    </message>
    <message>
        <source>unstable</source>
        <translation>instabil</translation>
    </message>
    <message>
        <source>%1 Hz only</source>
        <translation>nur %1 Hz</translation>
    </message>
    <message>
        <source>context cue</source>
        <translation>Kontexthinweis</translation>
    </message>
    <message>
        <source>stimulus</source>
        <translation>Stimulus</translation>
    </message>
    <message>
        <source>frequency cue</source>
        <translation>Frequenzhinweis</translation>
    </message>
    <message>
        <source>fixation</source>
        <translation>Fixation</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>flip</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <source>hold after flip</source>
        <translation>Halten nach dem Umschalten</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>en</source>
        <comment>the code of this translation&apos;s language: the lesson files opened</comment>
        <translation>de</translation>
    </message>
</context>
<context>
    <name>ModelSource</name>
    <message>
        <source>an untrained random %1 network (seed %2): this build has no trained default network</source>
        <translation>ein untrainiertes zufälliges %1-Netz (Startwert %2): dieser Build enthält kein trainiertes Standardnetz</translation>
    </message>
    <message>
        <source>network %1 of %2</source>
        <translation>Netz %1 aus %2</translation>
    </message>
    <message>
        <source>the authors&apos; network 1 (Krause et al. 2022, MIT licence), built in; opdims&apos; own %1 network: File &gt; Open default network</source>
        <translation>Netz 1 der Autoren (Krause et al. 2022, MIT-Lizenz), eingebaut; das eigene %1-Netz von opdims: Datei &gt; Standardnetz öffnen</translation>
    </message>
    <message>
        <source>the %1 network trained by opdims, built into the app (resources/networks/README.md)</source>
        <translation>das von opdims trainierte %1-Netz, in die App eingebaut (resources/networks/README.md)</translation>
    </message>
    <message>
        <source>authors&apos; %1 network %2</source>
        <translation>%1-Netz %2 der Autoren</translation>
    </message>
    <message>
        <source>opdims-trained %1 network (seed %2)</source>
        <translation>von opdims trainiertes %1-Netz (Startwert %2)</translation>
    </message>
    <message>
        <source>random %1 network (seed %2)</source>
        <translation>zufälliges %1-Netz (Startwert %2)</translation>
    </message>
    <message>
        <source>%1 network %2 (final)</source>
        <translation>%1, Netz %2 (Endgewichte)</translation>
    </message>
    <message>
        <source>%1 network trained in the app (%2 units, seed %3, %4 iterations)</source>
        <translation>in der App trainiertes %1-Netz (%2 Einheiten, Startwert %3, %4 Iterationen)</translation>
    </message>
    <message>
        <source>%1, stopped after iteration %2</source>
        <translation>%1, beendet nach Iteration %2</translation>
    </message>
    <message>
        <source>a %1 network trained here (%2 units, seed %3, %4 iterations)</source>
        <translation>ein hier trainiertes %1-Netz (%2 Einheiten, Startwert %3, %4 Iterationen)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer</name>
    <message>
        <source>open a network</source>
        <translation>ein Netz öffnen</translation>
    </message>
    <message>
        <source>open a trial set</source>
        <translation>einen Durchgangssatz öffnen</translation>
    </message>
    <message>
        <source>save, save as</source>
        <translation>speichern, speichern unter</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>beenden</translation>
    </message>
    <message>
        <source>full screen on or off</source>
        <translation>Vollbild ein oder aus</translation>
    </message>
    <message>
        <source>interface scale: larger, smaller, 100 %</source>
        <translation>Skalierung der Oberfläche: größer, kleiner, 100 %</translation>
    </message>
    <message>
        <source>the 3D view alone (every dock hidden) or back</source>
        <translation>die 3D-Ansicht allein (alle Docks ausgeblendet) oder zurück</translation>
    </message>
    <message>
        <source>reset the camera</source>
        <translation>Kamera zurücksetzen</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>play or pause time</source>
        <translation>Zeit abspielen oder anhalten</translation>
    </message>
    <message>
        <source>next, previous basis</source>
        <translation>nächste, vorige Basis</translation>
    </message>
    <message>
        <source>k + 1, k − 1</source>
        <translation>k + 1, k − 1</translation>
    </message>
    <message>
        <source>k + 10, k − 10</source>
        <translation>k + 10, k − 10</translation>
    </message>
    <message>
        <source>next, previous lesson step</source>
        <translation>nächster, voriger Lektionsschritt</translation>
    </message>
    <message>
        <source>left mouse button</source>
        <translation>linke Maustaste</translation>
    </message>
    <message>
        <source>rotate the 3D view</source>
        <translation>die 3D-Ansicht drehen</translation>
    </message>
    <message>
        <source>middle button, Shift + left</source>
        <translation>mittlere Taste, Umschalt + links</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>verschieben</translation>
    </message>
    <message>
        <source>wheel, right button</source>
        <translation>Mausrad, rechte Taste</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>zoomen</translation>
    </message>
    <message>
        <source>double-click on a plot</source>
        <translation>Doppelklick auf ein Diagramm</translation>
    </message>
    <message>
        <source>fit it</source>
        <translation>es einpassen</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::AblationPanel</name>
    <message>
        <source>Removed dimensions k:</source>
        <translation>Entfernte Dimensionen k:</translation>
    </message>
    <message>
        <source>Keep the ticked dimensions</source>
        <translation>Die angehakten Dimensionen behalten</translation>
    </message>
    <message>
        <source>Remove the ticked dimensions from W</source>
        <translation>Die angehakten Dimensionen aus W entfernen</translation>
    </message>
    <message>
        <source>Keep: the reduced-rank weight matrix of the ticked dimensions. Remove: W minus its projection onto them, to see which function breaks (e.g. remove the context-1 dimensions).</source>
        <translation>Behalten: die Gewichtsmatrix reduzierten Rangs aus den angehakten Dimensionen. Entfernen: W ohne seine Projektion auf sie, um zu sehen, welche Funktion ausfällt (z. B. die Dimensionen von Kontext 1 entfernen).</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>%1: cost %2, state distance %3</source>
        <translation>%1: Kosten %2, Zustandsabstand %3</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>Kept dimensions k:</source>
        <translation>Behaltene Dimensionen k:</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>The basis whose first k dimensions the reduced-rank weight matrix keeps</source>
        <translation>Die Basis, deren erste k Dimensionen die Gewichtsmatrix reduzierten Rangs behält</translation>
    </message>
    <message>
        <source>Number of kept dimensions k</source>
        <translation>Anzahl der behaltenen Dimensionen k</translation>
    </message>
    <message>
        <source>operative dimensions (rows): compute…</source>
        <translation>operative Dimensionen (Zeilen): berechnen…</translation>
    </message>
    <message>
        <source>Cost %1 (full network %2), state distance %3</source>
        <translation>Kosten %1 (volles Netz %2), Zustandsabstand %3</translation>
    </message>
    <message>
        <source>Highest cost of the %1 conditions (all in the tooltip):</source>
        <translation>Höchste Kosten der %1 Bedingungen (alle im Tooltip):</translation>
    </message>
    <message>
        <source>Number of kept (or, in Remove mode, removed) dimensions k: the first k of the basis</source>
        <translation>Zahl der behaltenen (im Modus Entfernen: entfernten) Dimensionen k: die ersten k der Basis</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::AnglesDialog</name>
    <message>
        <source>second network: %1</source>
        <translation>zweites Netz: %1</translation>
    </message>
    <message>
        <source>Principal angles between two bases</source>
        <translation>Hauptwinkel zwischen zwei Basen</translation>
    </message>
    <message>
        <source>First basis:</source>
        <translation>Erste Basis:</translation>
    </message>
    <message>
        <source>Second basis:</source>
        <translation>Zweite Basis:</translation>
    </message>
    <message>
        <source>Leading dimensions k:</source>
        <translation>Führende Dimensionen k:</translation>
    </message>
    <message>
        <source>Principal angles</source>
        <translation>Hauptwinkel</translation>
    </message>
    <message>
        <source>angle number</source>
        <translation>Nummer des Winkels</translation>
    </message>
    <message>
        <source>angle (degrees)</source>
        <translation>Winkel (Grad)</translation>
    </message>
    <message>
        <source>How many leading dimensions of each basis span the two subspaces</source>
        <translation>Wie viele führende Dimensionen jeder Basis die beiden Unterräume aufspannen</translation>
    </message>
    <message>
        <source>Open a network first.</source>
        <translation>Bitte zuerst ein Netz öffnen.</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>Principal angles (degrees): %1. 0 means a shared direction, 90 an orthogonal one.</source>
        <translation>Hauptwinkel (Grad): %1. 0 heißt gemeinsame Richtung, 90 orthogonale Richtung.</translation>
    </message>
    <message>
        <source>The first subspace: the leading k dimensions of this basis</source>
        <translation>Der erste Unterraum: die ersten k Dimensionen dieser Basis</translation>
    </message>
    <message>
        <source>The second subspace: the leading k dimensions of this basis</source>
        <translation>Der zweite Unterraum: die ersten k Dimensionen dieser Basis</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::CompareWindow</name>
    <message>
        <source>Second network</source>
        <translation>Zweites Netz</translation>
    </message>
    <message>
        <source>Second network: %1</source>
        <translation>Zweites Netz: %1</translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation>%1 wird analysiert…</translation>
    </message>
    <message>
        <source>The second network has no basis %1 yet (compute it there first).</source>
        <translation>Das zweite Netz hat die Basis %1 noch nicht (dort zuerst berechnen).</translation>
    </message>
    <message>
        <source>Subspace distance between the two networks&apos; %1 ticked dimensions: %2 (0: the same subspace, %3: orthogonal); principal angles %4 to %5 degrees.</source>
        <translation>Abstand der Unterräume der %1 angehakten Dimensionen beider Netze: %2 (0: derselbe Unterraum, %3: orthogonal); Hauptwinkel %4 bis %5 Grad.</translation>
    </message>
    <message>
        <source>%1: cost %2 (full network %3), state distance %4.</source>
        <translation>%1: Kosten %2 (volles Netz %3), Zustandsabstand %4.</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::FigureDialog</name>
    <message>
        <source>Write the settings on the figure (network, basis, k, cost)</source>
        <translation>Die Einstellungen auf die Abbildung schreiben (Netz, Basis, k, Kosten)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the file and its format</source>
        <translation>Datei und Format wählen</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>A PNG image</source>
        <translation>Ein PNG-Bild</translation>
    </message>
    <message>
        <source>%1× the view</source>
        <translation>%1× die Ansicht</translation>
    </message>
    <message>
        <source>The picture&apos;s size as a multiple of the 3D view on screen; text and lines grow with it, so it looks the same, only sharper</source>
        <translation>Die Größe des Bildes als Vielfaches der 3D-Ansicht auf dem Bildschirm; Text und Linien wachsen mit, sodass es gleich aussieht, nur schärfer</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>The file: .png, .svg or .pdf for the figure, .csv for its data (the format follows the suffix)</source>
        <translation>Die Datei: .png, .svg oder .pdf für die Abbildung, .csv für ihre Daten (das Format folgt der Endung)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>The figure&apos;s width (1 px = 1/96 inch in SVG and PDF)</source>
        <translation>Die Breite der Abbildung (1 px = 1/96 Zoll in SVG und PDF)</translation>
    </message>
    <message>
        <source>The figure&apos;s height, the settings strip included</source>
        <translation>Die Höhe der Abbildung, einschließlich des Streifens mit den Einstellungen</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>PNG only: pixels per px (2 for slides, 3 or 4 for print)</source>
        <translation>Nur PNG: Pixel pro px (2 für Folien, 3 oder 4 für den Druck)</translation>
    </message>
    <message>
        <source>PNG scale:</source>
        <translation>PNG-Skalierung:</translation>
    </message>
    <message>
        <source>The settings are always in the file&apos;s metadata; this also draws them below the figure</source>
        <translation>Die Einstellungen stehen immer in den Metadaten der Datei; dies zeichnet sie auch unter die Abbildung</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Write the figure</source>
        <translation>Die Abbildung schreiben</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>PNG: %1 × %2 pixels</source>
        <translation>PNG: %1 × %2 Pixel</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images (*.png);;CSV data (*.csv)</source>
        <translation>PDF-Dokumente (*.pdf);;SVG-Zeichnungen (*.svg);;PNG-Bilder (*.png);;CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>%1: the 3D view is saved as PNG (.png)</source>
        <translation>%1: Die 3D-Ansicht wird als PNG (.png) gespeichert</translation>
    </message>
    <message>
        <source>%1: a figure is saved as .png, .svg or .pdf, its data as .csv</source>
        <translation>%1: Eine Abbildung wird als .png, .svg oder .pdf gespeichert, ihre Daten als .csv</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>%1: the data could not be written</source>
        <translation>%1: Die Daten konnten nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: the figure could not be written (check the folder, the size, and that the settings fit on it)</source>
        <translation>%1: Die Abbildung konnte nicht geschrieben werden (prüfen Sie den Ordner, die Größe und ob die Einstellungen darauf passen)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::FileController</name>
    <message>
        <source>Networks (*.h5 *.hdf5 *.npz);;HDF5 files (*.h5 *.hdf5);;NumPy archives (*.npz);;All files (*)</source>
        <translation>Netze (*.h5 *.hdf5 *.npz);;HDF5-Dateien (*.h5 *.hdf5);;NumPy-Archive (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>Netz öffnen</translation>
    </message>
    <message>
        <source>Cannot open the network</source>
        <translation>Das Netz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot save the network</source>
        <translation>Das Netz kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>Netz speichern</translation>
    </message>
    <message>
        <source>opdims networks (*.h5)</source>
        <translation>opdims-Netze (*.h5)</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;%1 %2, network %3</source>
        <translation>&amp;%1 %2, Netz %3</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::FixedPointPanel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>speed ‖F‖</source>
        <translation>Geschwindigkeit ‖F‖</translation>
    </message>
    <message>
        <source>unstable modes</source>
        <translation>instabile Moden</translation>
    </message>
    <message>
        <source>output z</source>
        <translation>Ausgabe z</translation>
    </message>
    <message>
        <source>along axis</source>
        <translation>auf der Achse</translation>
    </message>
    <message>
        <source>The point&apos;s number, shown beside it in the 3D view while it is selected</source>
        <translation>Die Nummer des Punkts, in der 3D-Ansicht neben ihm gezeigt, solange er ausgewählt ist</translation>
    </message>
    <message>
        <source>Stable, saddle, marginal or unstable fixed point (from the real parts of the Jacobian&apos;s eigenvalues), or slow point</source>
        <translation>Stabiler, marginaler oder instabiler Fixpunkt oder Sattelpunkt (aus den Realteilen der Eigenwerte der Jacobi-Matrix), oder langsamer Punkt</translation>
    </message>
    <message>
        <source>‖F(x)‖: how fast the state moves at the point (0 at a fixed point)</source>
        <translation>‖F(x)‖: wie schnell sich der Zustand an dem Punkt bewegt (0 an einem Fixpunkt)</translation>
    </message>
    <message>
        <source>The Jacobian&apos;s eigenvalues with a positive real part: the directions in which the state leaves the point</source>
        <translation>Die Eigenwerte der Jacobi-Matrix mit positivem Realteil: die Richtungen, in denen der Zustand den Punkt verlässt</translation>
    </message>
    <message>
        <source>The network&apos;s output z = W_out tanh(x) + b_z at the point</source>
        <translation>Die Ausgabe des Netzes z = W_out tanh(x) + b_z an dem Punkt</translation>
    </message>
    <message>
        <source>Position along the first principal axis of the listed points, about their mean</source>
        <translation>Lage entlang der ersten Hauptachse der aufgeführten Punkte, bezogen auf ihren Mittelwert</translation>
    </message>
    <message>
        <source>The fixed and slow points the 3D view shows, in its order: select a row to highlight the point there, or click a point in the 3D view</source>
        <translation>Die Fixpunkte und langsamen Punkte, die die 3D-Ansicht zeigt, in ihrer Reihenfolge: eine Zeile auswählen, um den Punkt dort hervorzuheben, oder einen Punkt in der 3D-Ansicht anklicken</translation>
    </message>
    <message>
        <source>Re λ (1/τ)</source>
        <translation>Re λ (1/τ)</translation>
    </message>
    <message>
        <source>Im λ (1/τ)</source>
        <translation>Im λ (1/τ)</translation>
    </message>
    <message>
        <source>The eigenvalues of the chosen point&apos;s Jacobian J = −I + W diag(1 − tanh²(x)) in the complex plane, in units of 1/τ: right of the dashed line (Re λ &gt; 0) a direction is unstable. Filled red: the reduced-rank network&apos;s point; open grey: the full network&apos;s nearest point under the same input</source>
        <translation>Die Eigenwerte der Jacobi-Matrix J = −I + W diag(1 − tanh²(x)) des gewählten Punkts in der komplexen Ebene, in Einheiten von 1/τ: rechts der gestrichelten Linie (Re λ &gt; 0) ist eine Richtung instabil. Rot gefüllt: der Punkt des Netzes reduzierten Rangs; grau offen: der nächste Punkt des vollen Netzes unter demselben Eingang</translation>
    </message>
    <message>
        <source>stability boundary (Re λ = 0)</source>
        <translation>Stabilitätsgrenze (Re λ = 0)</translation>
    </message>
    <message>
        <source>full network&apos;s nearest point</source>
        <translation>volles Netz, nächster Punkt</translation>
    </message>
    <message>
        <source>No fixed points shown: tick Fixed points in the 3D view or run Analysis &gt; Find fixed points thoroughly.</source>
        <translation>Keine Fixpunkte gezeigt: Fixpunkte in der 3D-Ansicht anhaken oder Analyse &gt; Fixpunkte gründlich suchen ausführen.</translation>
    </message>
    <message>
        <source>%1 points of W with the ticked dimensions removed under %2 (%3)</source>
        <translation>%1 Punkte von W ohne die angehakten Dimensionen unter %2 (%3)</translation>
    </message>
    <message>
        <source>%1 points of the reduced-rank network under %2 (%3)</source>
        <translation>%1 Punkte des Netzes reduzierten Rangs unter %2 (%3)</translation>
    </message>
    <message>
        <source>thorough search</source>
        <translation>gründliche Suche</translation>
    </message>
    <message>
        <source>quick search from the sampling locations</source>
        <translation>schnelle Suche von den Abtastorten aus</translation>
    </message>
    <message>
        <source>Position along the first principal axis of the listed points, about their mean (the axis holds %1 % of their variance)</source>
        <translation>Lage entlang der ersten Hauptachse der aufgeführten Punkte, bezogen auf ihren Mittelwert (die Achse trägt %1 % ihrer Varianz)</translation>
    </message>
    <message>
        <source>Jacobian eigenvalues</source>
        <translation>Eigenwerte der Jacobi-Matrix</translation>
    </message>
    <message>
        <source>Choose a point in the table, or click one in the 3D view, to see its eigenvalues.</source>
        <translation>Einen Punkt in der Tabelle wählen oder in der 3D-Ansicht anklicken, um seine Eigenwerte zu sehen.</translation>
    </message>
    <message>
        <source>W with the ticked dimensions removed, #%1</source>
        <translation>W ohne die angehakten Dimensionen, #%1</translation>
    </message>
    <message>
        <source>reduced-rank network, #%1</source>
        <translation>Netz reduzierten Rangs, #%1</translation>
    </message>
    <message>
        <source>Jacobian eigenvalues of #%1 (%2)</source>
        <translation>Eigenwerte von #%1 (%2)</translation>
    </message>
    <message>
        <source>The full network&apos;s nearest point: %1, %2 unstable modes, speed %3, at a distance of %4 from #%5.</source>
        <translation>Nächster Punkt des vollen Netzes: %1, %2 instabile Moden, Geschwindigkeit %3, im Abstand %4 von #%5.</translation>
    </message>
    <message>
        <source>The full network has no fixed or slow point near #%1 under this input.</source>
        <translation>Das volle Netz hat unter diesem Eingang keinen Fixpunkt und keinen langsamen Punkt nahe #%1.</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>Die laufende Berechnung anhalten</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>wird geschätzt…</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::LessonController</name>
    <message>
        <source>Cannot open the lesson</source>
        <translation>Die Lektion kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot apply the lesson step</source>
        <translation>Der Lektionsschritt kann nicht angewandt werden</translation>
    </message>
    <message>
        <source>%1: step %2: field &apos;%3&apos;: %4</source>
        <translation>%1: Schritt %2: Feld &apos;%3&apos;: %4</translation>
    </message>
    <message>
        <source>the network has no basis &apos;%1&apos; (it has %2)</source>
        <translation>das Netz hat keine Basis &apos;%1&apos; (es hat %2)</translation>
    </message>
    <message>
        <source>dimension %1 does not exist (the basis has %2)</source>
        <translation>Dimension %1 gibt es nicht (die Basis hat %2)</translation>
    </message>
    <message>
        <source>no input is called &apos;%1&apos; (there are %2)</source>
        <translation>keine Eingabe heißt &apos;%1&apos; (es gibt %2)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::LessonPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>&lt;b&gt;New to operative dimensions?&lt;/b&gt;&lt;p&gt;A guided lesson walks through the paper&apos;s argument on a network that shows it: what the network does, why its weight matrix needs many PC dimensions, and how few operative dimensions keep it working. Each step sets up the window; you may explore freely and come back.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Neu bei operativen Dimensionen?&lt;/b&gt;&lt;p&gt;Eine geführte Lektion geht das Argument des Artikels an einem Netz durch, das es zeigt: was das Netz tut, warum seine Gewichtsmatrix viele PC-Dimensionen braucht und wie wenige operative Dimensionen es funktionieren lassen. Jeder Schritt richtet das Fenster ein; Sie dürfen frei erkunden und zurückkehren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start the lesson on context-dependent integration</source>
        <translation>Lektion zur kontextabhängigen Integration starten</translation>
    </message>
    <message>
        <source>Start the lesson on sine wave generation</source>
        <translation>Lektion zum Erzeugen von Sinuswellen starten</translation>
    </message>
    <message>
        <source>Opens the lesson&apos;s first step (Help &gt; Lessons has them too)</source>
        <translation>Öffnet den ersten Schritt der Lektion (auch unter Hilfe &gt; Lektionen)</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Hides this panel; Help &gt; Lessons starts a lesson at any time</source>
        <translation>Blendet diese Tafel aus; Hilfe &gt; Lektionen startet jederzeit eine Lektion</translation>
    </message>
    <message>
        <source>The previous step (Page Up)</source>
        <translation>Der vorige Schritt (Bild auf)</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>Der nächste Schritt (Bild ab)</translation>
    </message>
    <message>
        <source>Return to this step</source>
        <translation>Zurück zu diesem Schritt</translation>
    </message>
    <message>
        <source>Sets the window back to this step&apos;s network, basis, k and views after you explored</source>
        <translation>Setzt das Fenster nach dem Erkunden auf Netz, Basis, k und Ansichten dieses Schritts zurück</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Ends the lesson; the window stays as it is</source>
        <translation>Beendet die Lektion; das Fenster bleibt, wie es ist</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;background-color:#fff4d6; color:#000000&quot;&gt;&lt;b&gt;Question:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;background-color:#fff4d6; color:#000000&quot;&gt;&lt;b&gt;Frage:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::MainWindow</name>
    <message>
        <source>About opdims-explorer</source>
        <translation>Über opdims-explorer</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Glossar</translation>
    </message>
    <message>
        <source>&amp;Keyboard and mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <source>&amp;About opdims-explorer</source>
        <translation>Ü&amp;ber opdims-explorer</translation>
    </message>
    <message>
        <source>&amp;Compare with a second network…</source>
        <translation>Mit einem zweiten Netz &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Compare with a second network</source>
        <translation>Mit einem zweiten Netz vergleichen</translation>
    </message>
    <message>
        <source>Networks (*.h5 *.npz)</source>
        <translation>Netze (*.h5 *.npz)</translation>
    </message>
    <message>
        <source>No network</source>
        <translation>Kein Netz</translation>
    </message>
    <message>
        <source>Open local operative dimensions</source>
        <translation>Lokale operative Dimensionen öffnen</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Local operative dimensions</source>
        <translation>Lokale operative Dimensionen</translation>
    </message>
    <message>
        <source>The file does not say which side its dimensions are. They are:</source>
        <translation>Die Datei sagt nicht, zu welcher Seite ihre Dimensionen gehören. Sie sind:</translation>
    </message>
    <message>
        <source>Added the operative dimensions of %1 (%2 sampling locations)</source>
        <translation>Operative Dimensionen von %1 hinzugefügt (%2 Abtastorte)</translation>
    </message>
    <message>
        <source>Cannot open the local dimensions</source>
        <translation>Die lokalen Dimensionen können nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open &amp;local dimensions (authors&apos; HDF5)…</source>
        <translation>&amp;Lokale Dimensionen öffnen (HDF5 der Autoren)…</translation>
    </message>
    <message>
        <source>Principal &amp;angles between bases…</source>
        <translation>&amp;Hauptwinkel zwischen Basen…</translation>
    </message>
    <message>
        <source>Current basis (NPZ or HDF5)…</source>
        <translation>Aktuelle Basis (NPZ oder HDF5)…</translation>
    </message>
    <message>
        <source>Reduced network (opdims HDF5)…</source>
        <translation>Reduziertes Netz (opdims-HDF5)…</translation>
    </message>
    <message>
        <source>No basis to export</source>
        <translation>Keine Basis zum Exportieren</translation>
    </message>
    <message>
        <source>Open a network first.</source>
        <translation>Bitte zuerst ein Netz öffnen.</translation>
    </message>
    <message>
        <source>Export the current basis</source>
        <translation>Aktuelle Basis exportieren</translation>
    </message>
    <message>
        <source>Basis files (*.npz *.h5)</source>
        <translation>Basisdateien (*.npz *.h5)</translation>
    </message>
    <message>
        <source>Cannot export the basis</source>
        <translation>Die Basis kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>No reduced network to export</source>
        <translation>Kein reduziertes Netz zum Exportieren</translation>
    </message>
    <message>
        <source>Export the reduced network</source>
        <translation>Reduziertes Netz exportieren</translation>
    </message>
    <message>
        <source>%1, %2 of %3 dimensions kept</source>
        <translation>%1, %2 von %3 Dimensionen behalten</translation>
    </message>
    <message>
        <source>Cannot export the reduced network</source>
        <translation>Das reduzierte Netz kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot analyse the network</source>
        <translation>Das Netz kann nicht analysiert werden</translation>
    </message>
    <message>
        <source>Ablation failed: %1</source>
        <translation>Ablation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>%1 finished in %2 s</source>
        <translation>%1 fertig nach %2 s</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Live ablation</source>
        <translation>Live-Ablation</translation>
    </message>
    <message>
        <source>Output vs target</source>
        <translation>Ausgabe und Zielwert</translation>
    </message>
    <message>
        <source>Rank sweep</source>
        <translation>Rang-Durchlauf</translation>
    </message>
    <message>
        <source>Variance explained</source>
        <translation>Erklärte Varianz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;default network</source>
        <translation>&amp;Standardnetz öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Compute operative &amp;row dimensions</source>
        <translation>Operative &amp;Zeilendimensionen berechnen</translation>
    </message>
    <message>
        <source>&amp;Sweep k for the chosen basis</source>
        <translation>&amp;k für die gewählte Basis durchlaufen</translation>
    </message>
    <message>
        <source>&amp;Train a network…</source>
        <translation>Netz &amp;trainieren…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Cost vs k</source>
        <translation>Kosten gegen k</translation>
    </message>
    <message>
        <source>State distance vs k</source>
        <translation>Zustandsabstand gegen k</translation>
    </message>
    <message>
        <source>Cannot open the default network</source>
        <translation>Das Standardnetz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Simulating the grid batch…</source>
        <translation>Der Gitter-Stapel wird simuliert…</translation>
    </message>
    <message>
        <source>opdims explorer</source>
        <translation>opdims-Explorer</translation>
    </message>
    <message>
        <source>%1 – opdims explorer</source>
        <translation>%1 – opdims-Explorer</translation>
    </message>
    <message>
        <source>Analysed in %1 s</source>
        <translation>Analysiert in %1 s</translation>
    </message>
    <message>
        <source>Operative row dimensions</source>
        <translation>Operative Zeilendimensionen</translation>
    </message>
    <message>
        <source>Rank sweep (%1)</source>
        <translation>Rang-Durchlauf (%1)</translation>
    </message>
    <message>
        <source>Find &amp;fixed points thoroughly (%1 starts)</source>
        <translation>&amp;Fixpunkte gründlich suchen (%1 Startpunkte)</translation>
    </message>
    <message>
        <source>Fixed points shown (HDF5)…</source>
        <translation>Angezeigte Fixpunkte (HDF5)…</translation>
    </message>
    <message>
        <source>Fixed points (%1)</source>
        <translation>Fixpunkte (%1)</translation>
    </message>
    <message>
        <source>No fixed or slow points found under %1 (%2 starts)</source>
        <translation>Keine Fixpunkte und keine langsamen Punkte gefunden unter %1 (%2 Startpunkte)</translation>
    </message>
    <message>
        <source>No fixed points to export</source>
        <translation>Keine Fixpunkte zum Exportieren</translation>
    </message>
    <message>
        <source>Tick &quot;Fixed points&quot; in the 3D view or run Analysis &gt; Find fixed points first.</source>
        <translation>Zuerst „Fixpunkte“ in der 3D-Ansicht ankreuzen oder Analyse &gt; Fixpunkte suchen ausführen.</translation>
    </message>
    <message>
        <source>Export the fixed points</source>
        <translation>Fixpunkte exportieren</translation>
    </message>
    <message>
        <source>HDF5 files (*.h5)</source>
        <translation>HDF5-Dateien (*.h5)</translation>
    </message>
    <message>
        <source>Cannot export the fixed points</source>
        <translation>Die Fixpunkte können nicht exportiert werden</translation>
    </message>
    <message>
        <source>The language changes when the explorer starts the next time (a job is running).</source>
        <translation>Die Sprache wechselt beim nächsten Start des Explorers (ein Auftrag läuft).</translation>
    </message>
    <message>
        <source>Open &amp;trials…</source>
        <translation>&amp;Durchgänge öffnen…</translation>
    </message>
    <message>
        <source>Close tr&amp;ials</source>
        <translation>Durchgänge s&amp;chließen</translation>
    </message>
    <message>
        <source>Simulating the trial set…</source>
        <translation>Der Durchgangssatz wird simuliert…</translation>
    </message>
    <message>
        <source>%1 on %2 – opdims explorer</source>
        <translation>%1 auf %2 – opdims explorer</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 (quick search from the sampling locations)</source>
        <translation>%1 (schnelle Suche von den Abtastorten aus)</translation>
    </message>
    <message>
        <source>%1 (thorough search, %2 starts)</source>
        <translation>%1 (gründliche Suche, %2 Startpunkte)</translation>
    </message>
    <message>
        <source>Fixed points</source>
        <translation>Fixpunkte</translation>
    </message>
    <message>
        <source>%1: the authors&apos; network 1</source>
        <translation>%1: Netz 1 der Autoren</translation>
    </message>
    <message>
        <source>%1: trained by opdims</source>
        <translation>%1: von opdims trainiert</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>Context-dependent integration</source>
        <translation>Kontextabhängige Integration</translation>
    </message>
    <message>
        <source>Sine wave generation</source>
        <translation>Sinuswellen erzeugen</translation>
    </message>
    <message>
        <source>Open a lesson file…</source>
        <translation>Lektionsdatei öffnen…</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>Eine Lektion öffnen</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>Lektionen (*.json)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Voriger Schritt</translation>
    </message>
    <message>
        <source>Return to this step</source>
        <translation>Zurück zu diesem Schritt</translation>
    </message>
    <message>
        <source>PC &amp;beside operative dimensions</source>
        <translation>PC- &amp;neben operativen Dimensionen</translation>
    </message>
    <message>
        <source>Movie of the 3D view…</source>
        <translation>Film der 3D-Ansicht…</translation>
    </message>
    <message>
        <source>3D view as a figure (PNG)…</source>
        <translation>3D-Ansicht als Abbildung (PNG)…</translation>
    </message>
    <message>
        <source>%1 as a figure (PDF, SVG, PNG) or data (CSV)…</source>
        <translation>%1 als Abbildung (PDF, SVG, PNG) oder Daten (CSV)…</translation>
    </message>
    <message>
        <source>the 3D view</source>
        <translation>die 3D-Ansicht</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::ModelPanel</name>
    <message>
        <source>Source:</source>
        <translation>Herkunft:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Sizes:</source>
        <translation>Größen:</translation>
    </message>
    <message>
        <source>Time step:</source>
        <translation>Zeitschritt:</translation>
    </message>
    <message>
        <source>Spectral radius of W:</source>
        <translation>Spektralradius von W:</translation>
    </message>
    <message>
        <source>Cost (grid batch):</source>
        <translation>Kosten (Gitter-Stapel):</translation>
    </message>
    <message>
        <source>Reduced-rank network:</source>
        <translation>Netz reduzierten Rangs:</translation>
    </message>
    <message>
        <source>%1 units, %2 inputs, %3 outputs, %4 initial states</source>
        <translation>%1 Einheiten, %2 Eingänge, %3 Ausgänge, %4 Anfangszustände</translation>
    </message>
    <message>
        <source>dt = %1 s, tau = %2 s</source>
        <translation>dt = %1 s, tau = %2 s</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 dimensions kept, cost %4, state distance %5</source>
        <translation>%1: %2 von %3 Dimensionen behalten, Kosten %4, Zustandsabstand %5</translation>
    </message>
    <message>
        <source>all dimensions kept</source>
        <translation>alle Dimensionen behalten</translation>
    </message>
    <message>
        <source>Trials:</source>
        <translation>Durchgänge:</translation>
    </message>
    <message>
        <source>the task&apos;s grid batch</source>
        <translation>der Gitter-Stapel der Aufgabe</translation>
    </message>
    <message>
        <source>%1: %2 trials of %3 steps, %4 conditions</source>
        <translation>%1: %2 Durchgänge zu %3 Schritten, %4 Bedingungen</translation>
    </message>
    <message>
        <source>, masked</source>
        <translation>, maskiert</translation>
    </message>
    <message>
        <source>Cost (trial set):</source>
        <translation>Kosten (Durchgangssatz):</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::MovieDialog</name>
    <message>
        <source>Play the trials in time (once over the movie)</source>
        <translation>Die Durchgänge in der Zeit abspielen (einmal über den Film)</translation>
    </message>
    <message>
        <source>Turn once about the vertical axis</source>
        <translation>Einmal um die senkrechte Achse drehen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Movie of the 3D view</source>
        <translation>Film der 3D-Ansicht</translation>
    </message>
    <message>
        <source>The file: .mp4 (H.264) or .webm (VP9) for a movie, .png for a numbered sequence of frames (NAME_0001.png, …)</source>
        <translation>Die Datei: .mp4 (H.264) oder .webm (VP9) für einen Film, .png für eine nummerierte Folge von Bildern (NAME_0001.png, …)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the file and its format</source>
        <translation>Datei und Format wählen</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>The movie&apos;s size in pixels; text and lines are scaled so that it looks like the view on screen</source>
        <translation>Die Größe des Films in Pixeln; Text und Linien werden so skaliert, dass er wie die Ansicht auf dem Bildschirm aussieht</translation>
    </message>
    <message>
        <source>%1 frames per second</source>
        <translation>%1 Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>Frames per second of the movie</source>
        <translation>Bilder pro Sekunde des Films</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The movie&apos;s length</source>
        <translation>Die Länge des Films</translation>
    </message>
    <message>
        <source>Markers move along every trajectory, with the time and input phase at the top left</source>
        <translation>Marker bewegen sich entlang jeder Trajektorie, mit Zeit und Eingabephase oben links</translation>
    </message>
    <message>
        <source>The camera turns 360° about the vertical axis over the movie</source>
        <translation>Die Kamera dreht sich über den Film um 360° um die senkrechte Achse</translation>
    </message>
    <message>
        <source>Frames written</source>
        <translation>Geschriebene Bilder</translation>
    </message>
    <message>
        <source>Write the movie with these settings</source>
        <translation>Den Film mit diesen Einstellungen schreiben</translation>
    </message>
    <message>
        <source>Stop: no movie file is written (a PNG sequence&apos;s frames are removed)</source>
        <translation>Abbrechen: Es wird keine Filmdatei geschrieben (die Bilder einer PNG-Folge werden entfernt)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Bildrate:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>MP4 movie (*.mp4);;WebM movie (*.webm);;PNG sequence (*.png)</source>
        <translation>MP4-Film (*.mp4);;WebM-Film (*.webm);;PNG-Folge (*.png)</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>Frame %1 of %2, about %3 s left</source>
        <translation>Bild %1 von %2, noch etwa %3 s</translation>
    </message>
    <message>
        <source>Written: %1 (%2 frames, %3 × %4 pixels) in %5 s.</source>
        <translation>Geschrieben: %1 (%2 Bilder, %3 × %4 Pixel) in %5 s.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::MovieExporter</name>
    <message>
        <source>%1: there is nothing to film: open a network first</source>
        <translation>%1: Es gibt nichts zu filmen: Öffnen Sie zuerst ein Netz</translation>
    </message>
    <message>
        <source>%1: a movie lasts 0 to 600 s at 1 to 120 frames per second</source>
        <translation>%1: Ein Film dauert 0 bis 600 s bei 1 bis 120 Bildern pro Sekunde</translation>
    </message>
    <message>
        <source>%1: choose what moves: time, rotation or both</source>
        <translation>%1: Wählen Sie, was sich bewegt: Zeit, Drehung oder beides</translation>
    </message>
    <message>
        <source>%1: frames are 16 to 7680 pixels wide and high</source>
        <translation>%1: Bilder sind 16 bis 7680 Pixel breit und hoch</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: the 3D view could not be rendered (no OpenGL context)</source>
        <translation>%1: Die 3D-Ansicht konnte nicht gezeichnet werden (kein OpenGL-Kontext)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::NetworkPickerDialog</name>
    <message>
        <source>Choose a network</source>
        <translation>Netz auswählen</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n network(s). Which one should open?</source>
        <translation>
            <numerusform>%1 enthält %n Netz. Welches soll geöffnet werden?</numerusform>
            <numerusform>%1 enthält %n Netze. Welches soll geöffnet werden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Network %1</source>
        <translation>Netz %1</translation>
    </message>
    <message>
        <source>The grid cost is the network&apos;s cost on its task&apos;s noise-free grid batch, computed while this dialog is open</source>
        <translation>Die Gitterkosten sind die Kosten des Netzes auf dem rauschfreien Gitter-Stapel seiner Aufgabe, berechnet, während dieser Dialog offen ist</translation>
    </message>
    <message>
        <source>grid cost %1</source>
        <translation>Gitterkosten %1</translation>
    </message>
    <message>
        <source>Network %1: %2 units, %3 inputs, %4 outputs (%5)</source>
        <translation>Netz %1: %2 Einheiten, %3 Eingänge, %4 Ausgänge (%5)</translation>
    </message>
    <message>
        <source>computing the grid cost…</source>
        <translation>Gitterkosten werden berechnet…</translation>
    </message>
    <message>
        <source>Network %1: %2</source>
        <translation>Netz %1: %2</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::OutputPanel</name>
    <message>
        <source>Two contrasting trials</source>
        <translation>Zwei gegensätzliche Durchgänge</translation>
    </message>
    <message>
        <source>One trial per condition</source>
        <translation>Ein Durchgang je Bedingung</translation>
    </message>
    <message>
        <source>Every trial</source>
        <translation>Alle Durchgänge</translation>
    </message>
    <message>
        <source>Which trials of the grid batch the plot shows (or pick them in the list)</source>
        <translation>Welche Durchgänge des Gitter-Stapels die Grafik zeigt (oder in der Liste auswählen)</translation>
    </message>
    <message>
        <source>Output vs target</source>
        <translation>Ausgabe und Zielwert</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>output z</source>
        <translation>Ausgabe z</translation>
    </message>
    <message>
        <source>Trials of the grid batch to plot (Ctrl+click for several)</source>
        <translation>Darzustellende Durchgänge des Gitter-Stapels (Strg+Klick für mehrere)</translation>
    </message>
    <message>
        <source>target: %1</source>
        <translation>Zielwert: %1</translation>
    </message>
    <message>
        <source>full: %1</source>
        <translation>voll: %1</translation>
    </message>
    <message>
        <source>reduced: %1</source>
        <translation>reduziert: %1</translation>
    </message>
    <message>
        <source>%1, trial %2</source>
        <translation>%1, Durchgang %2</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::Presentation</name>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>3D view &amp;alone</source>
        <translation>3D-Ansicht &amp;allein</translation>
    </message>
    <message>
        <source>&amp;High-contrast light colours</source>
        <translation>Helle Farben mit &amp;hohem Kontrast</translation>
    </message>
    <message>
        <source>Interface &amp;scale</source>
        <translation>&amp;Skalierung der Oberfläche</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Größer</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Kleiner</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&amp;Presenter keys</source>
        <translation>&amp;Tasten für Vortragende</translation>
    </message>
    <message>
        <source>Play / pause time</source>
        <translation>Zeit abspielen / anhalten</translation>
    </message>
    <message>
        <source>Reset camera</source>
        <translation>Kamera zurücksetzen</translation>
    </message>
    <message>
        <source>Next basis</source>
        <translation>Nächste Basis</translation>
    </message>
    <message>
        <source>Previous basis</source>
        <translation>Vorige Basis</translation>
    </message>
    <message>
        <source>k + %1</source>
        <translation>k + %1</translation>
    </message>
    <message>
        <source>k − %1</source>
        <translation>k − %1</translation>
    </message>
    <message>
        <source>Pause time</source>
        <translation>Zeit anhalten</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::SideBySideWindow</name>
    <message>
        <source>PC dimensions beside operative dimensions</source>
        <translation>PC-Dimensionen neben operativen Dimensionen</translation>
    </message>
    <message>
        <source>Kept dimensions k:</source>
        <translation>Behaltene Dimensionen k:</translation>
    </message>
    <message>
        <source>The number of dimensions both reduced-rank networks keep (the same k as in the Live ablation dock)</source>
        <translation>Die Zahl der Dimensionen, die beide Netze reduzierten Rangs behalten (dasselbe k wie im Dock Live-Ablation)</translation>
    </message>
    <message>
        <source>Both sides remove their first k dimensions from W.</source>
        <translation>Beide Seiten entfernen ihre ersten k Dimensionen aus W.</translation>
    </message>
    <message>
        <source>Both sides keep their first k dimensions of W.</source>
        <translation>Beide Seiten behalten ihre ersten k Dimensionen von W.</translation>
    </message>
    <message>
        <source>This network has no %1.</source>
        <translation>Dieses Netz hat keine %1.</translation>
    </message>
    <message>
        <source>k = %1: cost %2 (full network %3), state distance %4</source>
        <translation>k = %1: Kosten %2 (volles Netz %3), Zustandsabstand %4</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::StateSpacePanel</name>
    <message>
        <source>solid: full network, dashed: W with the ticked dimensions removed</source>
        <translation>durchgezogen: volles Netz, gestrichelt: W ohne die angehakten Dimensionen</translation>
    </message>
    <message>
        <source>Reduced-rank network</source>
        <translation>Netz reduzierten Rangs</translation>
    </message>
    <message>
        <source>Sampling locations</source>
        <translation>Abtastorte</translation>
    </message>
    <message>
        <source>Fixed points</source>
        <translation>Fixpunkte</translation>
    </message>
    <message>
        <source>Flow arrows</source>
        <translation>Flusspfeile</translation>
    </message>
    <message>
        <source>All frequencies</source>
        <translation>Alle Frequenzen</translation>
    </message>
    <message>
        <source>Axes:</source>
        <translation>Achsen:</translation>
    </message>
    <message>
        <source>Which dimension of the chosen basis is axis %1</source>
        <translation>Welche Dimension der gewählten Basis Achse %1 ist</translation>
    </message>
    <message>
        <source>Project on principal components of the full network&apos;s activity, PC dimensions of W or operative dimensions</source>
        <translation>Projektion auf Hauptkomponenten der Aktivität des vollen Netzes, PC-Dimensionen von W oder operative Dimensionen</translation>
    </message>
    <message>
        <source>Reset camera</source>
        <translation>Kamera zurücksetzen</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Draw every frequency of the swg grid batch instead of ids 1, 6, …, 51</source>
        <translation>Jede Frequenz des swg-Gitter-Stapels zeichnen statt Nr. 1, 6, …, 51</translation>
    </message>
    <message>
        <source>PCs of the activity</source>
        <translation>Hauptkomponenten der Aktivität</translation>
    </message>
    <message>
        <source>activity PC %1</source>
        <translation>Aktivitäts-PC %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>solid: full network, dashed: reduced-rank network</source>
        <translation>durchgezogen: volles Netz, gestrichelt: Netz reduzierten Rangs</translation>
    </message>
    <message>
        <source>Fixed points under:</source>
        <translation>Fixpunkte unter:</translation>
    </message>
    <message>
        <source>The constant input under which the fixed points of the reduced-rank network are searched (ctxt: the context input alone, without sensory input)</source>
        <translation>Der konstante Eingang, unter dem die Fixpunkte des Netzes mit reduziertem Rang gesucht werden (ctxt: nur der Kontexteingang, ohne sensorischen Eingang)</translation>
    </message>
    <message>
        <source>stable fixed point (sphere)</source>
        <translation>stabiler Fixpunkt (Kugel)</translation>
    </message>
    <message>
        <source>no fixed points found under %1</source>
        <translation>keine Fixpunkte gefunden unter %1</translation>
    </message>
    <message>
        <source>marginally stable fixed point (sphere)</source>
        <translation>marginal stabiler Fixpunkt (Kugel)</translation>
    </message>
    <message>
        <source>saddle point (cube)</source>
        <translation>Sattelpunkt (Würfel)</translation>
    </message>
    <message>
        <source>unstable fixed point (cube)</source>
        <translation>instabiler Fixpunkt (Würfel)</translation>
    </message>
    <message>
        <source>at t =</source>
        <translation>bei t =</translation>
    </message>
    <message>
        <source>The time step (1-based) whose input, averaged over the condition&apos;s trials, the fixed points are searched under</source>
        <translation>Der Zeitschritt (ab 1), unter dessen Eingang, gemittelt über die Durchgänge der Bedingung, die Fixpunkte gesucht werden</translation>
    </message>
    <message>
        <source>Jump to the first time step of a phase of the trials</source>
        <translation>Zum ersten Zeitschritt einer Phase der Durchgänge springen</translation>
    </message>
    <message>
        <source>The condition whose input, at the time beside, the fixed points of the reduced-rank network are searched under</source>
        <translation>Die Bedingung, unter deren Eingang (zum Zeitpunkt daneben) die Fixpunkte des Netzes mit reduziertem Rang gesucht werden</translation>
    </message>
    <message>
        <source>Arrows at the sampling locations: the recurrent contribution α W tanh(x) of one step, grey for the full network, red for the reduced-rank network (the legend says which is which)</source>
        <translation>Pfeile an den Abtastorten: der rekurrente Beitrag α W tanh(x) eines Schritts, grau für das volle Netz, rot für das Netz reduzierten Rangs (die Legende sagt, welcher welcher ist)</translation>
    </message>
    <message>
        <source>red arrows: the same with the ticked dimensions removed</source>
        <translation>rote Pfeile: dasselbe ohne die angehakten Dimensionen</translation>
    </message>
    <message>
        <source>red arrows: the same for the reduced-rank network</source>
        <translation>rote Pfeile: dasselbe für das Netz reduzierten Rangs</translation>
    </message>
    <message>
        <source>grey arrows: recurrent input (dt/tau) W tanh(x) at the sampling locations, full network</source>
        <translation>graue Pfeile: rekurrenter Eingang (dt/tau) W tanh(x) an den Abtastorten, volles Netz</translation>
    </message>
    <message>
        <source>Fixed and slow points of the reduced-rank network under the input chosen above; the Fixed points dock lists them, and a click on one selects it there</source>
        <translation>Fixpunkte und langsame Punkte des Netzes reduzierten Rangs unter dem oben gewählten Eingang; das Fenster Fixpunkte listet sie auf, und ein Klick auf einen wählt ihn dort aus</translation>
    </message>
    <message>
        <source>Draw the reduced-rank network&apos;s trajectories, dashed, beside the full network&apos;s (solid)</source>
        <translation>Die Trajektorien des Netzes reduzierten Rangs gestrichelt neben denen des vollen Netzes (durchgezogen) zeichnen</translation>
    </message>
    <message>
        <source>Draw the sampling locations: the states where the local operative dimensions are computed</source>
        <translation>Die Abtastorte zeichnen: die Zustände, an denen die lokalen operativen Dimensionen berechnet werden</translation>
    </message>
    <message>
        <source>Frame everything drawn, seen from an oblique direction</source>
        <translation>Alles Gezeichnete einpassen, schräg von oben gesehen</translation>
    </message>
    <message>
        <source>Save the 3D view as a PNG image</source>
        <translation>Die 3D-Ansicht als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play the trials in time: a marker moves along every trajectory and a line over the output plot (Space)</source>
        <translation>Die Durchgänge in der Zeit abspielen: Ein Marker bewegt sich entlang jeder Trajektorie und eine Linie über das Ausgabediagramm (Leertaste)</translation>
    </message>
    <message>
        <source>The time shown by the markers on the trajectories and the line over the output plot</source>
        <translation>Die Zeit, die die Marker auf den Trajektorien und die Linie über dem Ausgabediagramm zeigen</translation>
    </message>
    <message>
        <source>The time shown and the input phase of the trials then</source>
        <translation>Die gezeigte Zeit und die Eingabephase der Durchgänge zu dieser Zeit</translation>
    </message>
    <message>
        <source>%1× speed</source>
        <translation>%1× Tempo</translation>
    </message>
    <message>
        <source>Trial time per second of playback (1×: the network&apos;s own time)</source>
        <translation>Durchgangszeit pro Sekunde Wiedergabe (1×: die Eigenzeit des Netzes)</translation>
    </message>
    <message>
        <source>Start again at the end of the trials</source>
        <translation>Am Ende der Durchgänge von vorn beginnen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 s</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>small dots: sampling locations (where the local operative dimensions are computed)</source>
        <translation>kleine Punkte: Abtastorte (wo die lokalen operativen Dimensionen berechnet werden)</translation>
    </message>
    <message>
        <source>large dots: the states at the time shown (top left)</source>
        <translation>große Punkte: die Zustände zur gezeigten Zeit (oben links)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::SweepPanel</name>
    <message>
        <source>per condition</source>
        <translation>je Bedingung</translation>
    </message>
    <message>
        <source>Third plot:</source>
        <translation>Dritte Grafik:</translation>
    </message>
    <message>
        <source>Cost per condition vs k</source>
        <translation>Kosten je Bedingung gegen k</translation>
    </message>
    <message>
        <source>Cost per context or frequency band vs k</source>
        <translation>Kosten je Kontext oder Frequenzband gegen k</translation>
    </message>
    <message>
        <source>Which function breaks: the cost of each context (ctxt) or band of frequencies (swg) for each swept basis; the first basis solid, the others dashed</source>
        <translation>Welche Funktion ausfällt: die Kosten jedes Kontexts (ctxt) oder Frequenzbands (swg) für jede durchlaufene Basis; die erste Basis durchgezogen, die anderen gestrichelt</translation>
    </message>
    <message>
        <source>Sweep k</source>
        <translation>k durchlaufen</translation>
    </message>
    <message>
        <source>Cost vs k</source>
        <translation>Kosten gegen k</translation>
    </message>
    <message>
        <source>kept dimensions k</source>
        <translation>behaltene Dimensionen k</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>State distance vs k</source>
        <translation>Zustandsabstand gegen k</translation>
    </message>
    <message>
        <source>state distance</source>
        <translation>Zustandsabstand</translation>
    </message>
    <message>
        <source>Evaluate the reduced-rank network for every k of the chosen basis</source>
        <translation>Das Netz reduzierten Rangs für jedes k der gewählten Basis auswerten</translation>
    </message>
    <message>
        <source>The cost of the reduced-rank network keeping the leading k dimensions of each swept basis; the dashed grey line is the full network&apos;s cost, the dot the network of Live ablation at its k</source>
        <translation>Die Kosten des Netzes reduzierten Rangs mit den ersten k Dimensionen jeder durchlaufenen Basis; die gestrichelte graue Linie sind die Kosten des vollen Netzes, der Punkt das Netz der Live-Ablation bei seinem k</translation>
    </message>
    <message>
        <source>full network</source>
        <translation>volles Netz</translation>
    </message>
    <message>
        <source>live: k = %1</source>
        <translation>live: k = %1</translation>
    </message>
    <message>
        <source>per context or band</source>
        <translation>je Kontext oder Band</translation>
    </message>
    <message>
        <source>How the third plot splits the cost: per context (ctxt) or frequency band (swg), or per condition</source>
        <translation>Wie die dritte Grafik die Kosten aufteilt: je Kontext (ctxt) oder Frequenzband (swg) oder je Bedingung</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::TrainDialog</name>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Train a network</source>
        <translation>Netz trainieren</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Einheiten:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Iterations:</source>
        <translation>Iterationen:</translation>
    </message>
    <message>
        <source>Trials per iteration:</source>
        <translation>Durchgänge je Iteration:</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>loss (cost of the training batch)</source>
        <translation>Verlust (Kosten des Trainingsstapels)</translation>
    </message>
    <message>
        <source>Trains a new network from a seeded random start (BPTT with Adam).</source>
        <translation>Trainiert ein neues Netz ab einem zufälligen Start mit festem Startwert (BPTT mit Adam).</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <source>Finished in %1 s; the network is open in the main window.</source>
        <translation>Fertig nach %1 s; das Netz ist im Hauptfenster geöffnet.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The task the network learns; its trials and cost (docs/tasks.md)</source>
        <translation>Die Aufgabe, die das Netz lernt; ihre Durchgänge und Kosten (docs/tasks.md)</translation>
    </message>
    <message>
        <source>The number of units N of the recurrent network</source>
        <translation>Die Zahl der Einheiten N des rekurrenten Netzes</translation>
    </message>
    <message>
        <source>Seeds the random start and the training batches: the same seed gives the same network bit for bit</source>
        <translation>Startwert für den zufälligen Anfang und die Trainingsstapel: derselbe Startwert ergibt bitgenau dasselbe Netz</translation>
    </message>
    <message>
        <source>Gradient steps (Adam); the loss curve below shows each one</source>
        <translation>Gradientenschritte (Adam); die Verlustkurve unten zeigt jeden</translation>
    </message>
    <message>
        <source>Noisy trials drawn for each gradient step</source>
        <translation>Verrauschte Durchgänge, die für jeden Gradientenschritt gezogen werden</translation>
    </message>
    <message>
        <source>Starts training on a worker thread; the window stays usable</source>
        <translation>Startet das Training in einem Arbeitsthread; das Fenster bleibt bedienbar</translation>
    </message>
    <message>
        <source>Closes this dialog; training goes on in the background</source>
        <translation>Schließt diesen Dialog; das Training läuft im Hintergrund weiter</translation>
    </message>
    <message>
        <source>Open the network trained so far</source>
        <translation>Das bisher trainierte Netz öffnen</translation>
    </message>
    <message>
        <source>Stops the training run; the dialog stays open and offers the network trained so far</source>
        <translation>Beendet den Trainingslauf; der Dialog bleibt offen und bietet das bisher trainierte Netz an</translation>
    </message>
    <message>
        <source>Opens the network as it was after the last finished iteration</source>
        <translation>Öffnet das Netz im Zustand nach der letzten abgeschlossenen Iteration</translation>
    </message>
    <message>
        <source>%1, stopped after iteration %2</source>
        <translation>%1, beendet nach Iteration %2</translation>
    </message>
    <message>
        <source>Training cancelled after iteration %1: open the network trained so far, or start again.</source>
        <translation>Training nach Iteration %1 abgebrochen: das bisher trainierte Netz öffnen oder neu starten.</translation>
    </message>
    <message>
        <source>Training cancelled before the first iteration finished.</source>
        <translation>Training abgebrochen, bevor die erste Iteration fertig war.</translation>
    </message>
    <message>
        <source>%1 network trained in the app (%2 units, seed %3, %4 iterations)</source>
        <translation>in der App trainiertes %1-Netz (%2 Einheiten, Startwert %3, %4 Iterationen)</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::TrialSetController</name>
    <message>
        <source>Trial sets (*.npz *.h5 *.hdf5);;All files (*)</source>
        <translation>Durchgangssätze (*.npz *.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open trials</source>
        <translation>Durchgänge öffnen</translation>
    </message>
    <message>
        <source>Cannot open the trial set</source>
        <translation>Der Durchgangssatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1: no built-in network fits its %2 inputs and %3 outputs; open a network that does (File &gt; Open), then the trial set.</source>
        <translation>%1: kein eingebautes Netz passt zu seinen %2 Eingängen und %3 Ausgängen; öffnen Sie ein passendes Netz (Datei &gt; Öffnen), dann den Durchgangssatz.</translation>
    </message>
</context>
<context>
    <name>opdims::explorer::VariancePanel</name>
    <message>
        <source>Variance explained</source>
        <translation>Erklärte Varianz</translation>
    </message>
    <message>
        <source>number of dimensions</source>
        <translation>Anzahl der Dimensionen</translation>
    </message>
    <message>
        <source>activity of the full network</source>
        <translation>Aktivität des vollen Netzes</translation>
    </message>
    <message>
        <source>W (PC dimensions)</source>
        <translation>W (PC-Dimensionen)</translation>
    </message>
    <message>
        <source>L (%1)</source>
        <translation>L (%1)</translation>
    </message>
    <message>
        <source>cum. fraction</source>
        <translation>kum. Anteil</translation>
    </message>
</context>
<context>
    <name>opdims::widgets::DimensionList</name>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>%1 %2: strength %3</source>
        <translation>%1 %2: Stärke %3</translation>
    </message>
    <message>
        <source>Keep dimensions 1 to %1</source>
        <translation>Dimensionen 1 bis %1 behalten</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <source>Keep none</source>
        <translation>Keine behalten</translation>
    </message>
</context>
<context>
    <name>opdims::widgets::PlotView</name>
    <message>
        <source>Fit to Data</source>
        <translation>An Daten anpassen</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>PNG exportieren...</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>SVG exportieren...</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>PDF exportieren...</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren...</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
</TS>
