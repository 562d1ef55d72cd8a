// Snowball Greek stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one word. The stemmer lower-cases it and drops the accents first (this revision turns
// ϊ and ΐ into η, and ς into σ).
//
// This revision's generated code has quirks that the browser must share, kept here on purpose:
//  - steps 4, 5b and 5c run the test of their last alternative even after an earlier one
//    succeeded, with stale marks, so that e.g. γεραικο gives γεραιικκ;
//  - step 5a turns a word that is exactly αγαμε into αγαμ by replacing from the position where the
//    last earlier match began (`bra` below), so αγαμειζεσ gives αγαμεαγαμ;
//  - rust-stemmers panics on some words (ανεύρετε, αντίθετε: 'ετε' after some endings, and a
//    word that is ισα plus an -ισα/-ισε... ending); the index keeps such a word unstemmed, and so
//    does this port (it stops where rust-stemmers would panic and returns the word as given).
(function () {
  'use strict';

  function words(s) { return s.split(' '); }
  var LOWER = {};
  [['α', 'ΆΑά'], ['β', 'Β'], ['γ', 'Γ'], ['δ', 'Δ'], ['ε', 'ΈΕέ'], ['ζ', 'Ζ'], ['η', 'ΉϊΐΗή'], ['θ', 'Θ'],
    ['ι', 'ΊΙΪί'], ['κ', 'Κ'], ['λ', 'Λ'], ['μ', 'Μ'], ['ν', 'Ν'], ['ξ', 'Ξ'], ['ο', 'ΌόΟ'], ['π', 'Π'],
    ['ρ', 'Ρ'], ['σ', 'ςΣ'], ['τ', 'Τ'], ['υ', 'ϋύΎΥΫΰ'], ['φ', 'Φ'], ['χ', 'Χ'], ['ψ', 'Ψ'], ['ω', 'ώΏΩ']
  ].forEach(function (p) { p[1].split('').forEach(function (c) { LOWER[c] = p[0]; }); });
  var VOWEL = 'αεηιουω', VOWEL2 = 'αεηιοω';

  // Step 1: irregular forms, by their replacement.
  var STEP1 = {};
  [['φα', 'φαγια φαγιου φαγιων'], ['σκα', 'σκαγια σκαγιου σκαγιων'], ['ολο', 'ολογια ολογιου ολογιων'],
    ['σο', 'σογια σογιου σογιων'], ['τατο', 'τατογια τατογιου τατογιων'],
    ['κρε', 'κρεασ κρεατοσ κρεατα κρεατων'], ['περ', 'περασ περατοσ περατα περατη περατων'],
    ['τερ', 'τερασ τερατοσ τερατα τερατων'], ['φω', 'φωσ φωτοσ φωτα φωτων'],
    ['καθεστ', 'καθεστωσ καθεστωτοσ καθεστωτα καθεστωτων'], ['γεγον', 'γεγονοσ γεγονοτοσ γεγονοτα γεγονοτων']
  ].forEach(function (p) { words(p[1]).forEach(function (s) { STEP1[s] = p[0]; }); });

  var L = {
    steps1: words('ιζα ιζε ιζαμε ιζουμε ιζανε ιζουνε ιζατε ιζετε ιζει ιζαν ιζουν ιζεσ ιζεισ ιζω'),
    steps1a: words('αναμπα εμπα επα ξαναπα πα περιπα αθρο συναθρο δανε'),
    steps1b: words('β βαθυρι βαρκ μαρκ λ μ κορν π ιμπ ρ μαρ αμπαρ γκρ βολβορ γλυκορ πιπερορ πρ μπρ αρρ ' +
      'γλυκυρ πολυρ λου'),
    steps2: words('ωθηκα ωθηκεσ ωθηκε ωθηκαμε ωθηκατε ωθηκαν ωθηκανε'),
    steps2a: words('αλ βι εν υψ λι ζω σ χ'),
    steps3: words('ισα ισεσ ισε ισαμε ισατε ισαν ισανε'),
    steps3a: words('αναμπα αθρο εμπα εσε εσωκλε επα ξαναπα επε περιπα συναθρο δανε κλε χαρτοπα εξαρχα ' +
      'μετεπε αποκλε απεκλε εκλε πε'),
    steps3b: words('αν αφ γε γιγαντοαφ γκε δημοκρατ κομ γκ μ π πουκαμ ολο λαρ'),
    steps4: words('ισω ισεισ ισει ισουμε ισετε ισουν ισουνε'),
    steps4a: words('αναμπα εμπα εσε εσωκλε επα ξαναπα επε περιπα αθρο συναθρο δανε κλε χαρτοπα εξαρχα ' +
      'μετεπε αποκλε απεκλε εκλε πε'),
    steps5: words('ιστοσ ιστου ιστο ιστε ιστοι ιστων ιστουσ ιστη ιστησ ιστα ιστεσ'),
    steps5a: words('δανε συναθρο κλε σε εσωκλε ασε πλε'),
    steps5b: words('μ π απ αρ ηδ κτ σκ σχ υψ φα χρ χτ ακτ αορ ασχ ατα αχν αχτ γεμ γυρ εμπ ευπ εχθ ηφα ' +
      'καθ κακ κυλ λυγ μακ μεγ ταχ φιλ χωρ'),
    steps6: words('ισμο ισμοι ισμοσ ισμου ισμουσ ισμων'),
    steps6a: words('σε μετασε μικροσε εγκλε αποκλε'),
    steps6b: words('δανε αντιδανε'),
    steps6c: words('ατομικ γνωστικ εθνικ εκλεκτικ σκεπτικ τοπικ αλεξανδριν βυζαντιν θεατριν αγνωστικ'),
    steps7: words('αρακι αρακια ουδακι ουδακια'),
    steps7a: words('σ χ'),
    steps8: words('ακι ακια ιτσα ιτσασ ιτσεσ ιτσων αρακι αρακια'),
    steps8a: words('βαμβ βρ καιμ κον κορ λαβρ λουλ μερ μουστ ναγκασ πλ ρ ρυ σ σκ σοκ σπαν τζ φαρμ χ καπακ ' +
      'αλισφ αμβρ ανθρ κ φυλ κατραπ κλιμ μαλ σλοβ φ σφ τσεχοσλοβ'),
    steps8b: words('β βαλ γιαν γλ ζ ηγουμεν καρδ κον μακρυν νυφ πατερ π σκ τοσ τριπολ'),
    steps9: words('ιδιο ιδια ιδιων'),
    steps9a: words('αιφν ιρ ολο ψαλ'),
    steps9b: words('ε παιχν'),
    steps10: words('ισκοσ ισκου ισκο ισκε'),
    steps10a: words('δ ιβ μην ρ φραγκ λυκ οβελ'),
    step2a: words('αδεσ αδων'),
    step2aNot: words('οκ μαμ μαν μπαμπ πατερ γιαγι νταντ κυρ θει πεθερ'),
    step2b: words('εδεσ εδων'),
    step2bA: words('οπ ιπ εμπ υπ γηπ δαπ κρασπ μιλ'),
    step2c: words('ουδεσ ουδων'),
    step2cA: words('τραγ φε καλιακ αρκ σκ πεταλ βελ λουλ φλ χν πλεξ σπ φρ σ λιχ'),
    step2d: words('εωσ εων'),
    step2dA: words('δ ιδ θ γαλ ελ ν π παρ'),
    step3: words('ια ιου ιων'),
    step4: words('ικα ικο ικου ικων'),
    step4A: words('αδ αλ αμαν αμμοχαλ ηθ ανηθ αντιδ ενδ φυσ βρωμ γερ εξωδ καλπ καλλιν καταδ μουλ μπαν ' +
      'μπαγιατ μπολ μποσ νιτ ξικ συνομηλ πετσ πιτσ πικαντ πλιατσ ποστελν πρωτοδ σερτ συναδ τσαμ ' +
      'υποδ φιλον φυλοδ χασ'),
    step5a: words('ουσαμε ησαμε αγαμε ηκαμε ηθηκαμε'),
    step5aA: words('αναπ αποθ αποκ αποστ βουβ ξεθ ουλ πεθ πικρ ποτ σιχ χ'),
    step5b: words('αγανε ηκανε ηθηκανε ησανε ουσανε οντανε ιοντανε ουντανε ιουντανε οτανε ιοτανε'),
    step5bA: words('τρ τσ'),
    step5bB: words('βετερ βουλκ βραχμ γ δραδουμ θ καλπουζ καστελ κορμορ λαοπλ μωαμεθ μ μουσουλμ ν ουλ π ' +
      'πελεκ πλ πολισ πορτολ σαρακατσ σουλτ τσαρλατ ορφ τσιγγ τσοπ φωτοστεφ χ ψυχοπλ αγ ορφ γαλ γερ ' +
      'δεκ διπλ αμερικαν ουρ πιθ πουριτ σ ζωντ ικ καστ κοπ λιχ λουθηρ μαιντ μελ σιγ σπ στεγ τραγ ' +
      'τσαγ φ ερ αδαπ αθιγγ αμηχ ανικ ανοργ απηγ απιθ ατσιγγ βασ βασκ βαθυγαλ βιομηχ βραχυκ διατ διαφ ' +
      'ενοργ θυσ καπνοβιομηχ καταγαλ κλιβ κοιλαρφ λιβ μεγλοβιομηχ μικροβιομηχ νταβ ξηροκλιβ ολιγοδαμ ' +
      'ολογαλ πενταρφ περηφ περιτρ πλατ πολυδαπ πολυμηχ στεφ ταβ τετ υπερηφ υποκοπ χαμηλοδαπ ψηλοταβ'),
    step5c: words('ησετε'),
    step5cA: words('ενδ συνδ οδ διαθ καθ ραθ ταθ τιθ εκθ ενθ ευθ υπερθ συνθ ροθ σθ αιν συν πον ρον ' +
      'βαρ βολ αρκ βρ νετ πυρ ευρ χωρ αιρ φορ σχ ωφελ'),
    step5cB: words('αβαρ βεν εναρ αβρ αδ αθ αν απλ βαρον ντρ σκ κοπ μπορ νιφ παγ παρακαλ σερπ σκελ ' +
      'συρφ τοκ υ δ εμ θαρρ θ'),
    step5d: words('οντασ ωντασ'),
    step5e: words('ομαστε ιομαστε'),
    step5fA: words('π απ συμπ ασυμπ ακαταπ αμεταμφ'),
    step5fB: words('αλ αρ εκτελ ζ μ ξ παρακαλ αρ προ νισ'),
    step5g: words('ηθηκα ηθηκεσ ηθηκε'),
    step5gA: words('ηκα ηκεσ ηκε'),
    step5gB: words('σκωλ σκουλ ναρθ σφ οθ πιθ'),
    step5gC: words('διαθ θ παρακαταθ προσθ συνθ'),
    step5h: words('ουσα ουσεσ ουσε'),
    step5hA: words('ποδαρ βλεπ πανταχ φρυδ μαντιλ μαλλ κυματ λαχ ληγ φαγ ομ πρωτ'),
    step5hB: words('φαρμακ χαδ αγκ αναρρ βρομ εκλιπ λαμπιδ λεχ μ πατ ρ λ μεδ μεσαζ υποτειν αμ αιθ ' +
      'ανηκ δεσποζ ενδιαφερ δε δευτερευ καθαρευ πλε τσα'),
    step5i: words('αγα αγεσ αγε'),
    step5iNot: words('ψοφ ναυλοχ'),
    step5iA: words('οφ πελ χορτ λλ σφ ρπ φρ πρ λοχ σμην'),
    step5iB: words('αβαστ πολυφ αδηφ παμφ ρ ασπ αφ αμαλ αμαλλι ανυστ απερ ασπαρ αχαρ δερβεν δροσοπ ' +
      'ξεφ νεοπ νομοτ ολοπ ομοτ προστ προσωποπ συμπ συντ τ υποτ χαρ αειπ αιμοστ ανυπ αποτ αρτιπ ' +
      'διατ εν επιτ κροκαλοπ σιδηροπ λ ναυ ουλαμ ουρ π τρ μ'),
    step5j: words('ησε ησου ησα'),
    step5jA: words('ν χερσον δωδεκαν ερημον μεγαλον επταν'),
    step5k: words('ηστε'),
    step5kA: words('ασβ σβ αχρ χρ απλ αειμν δυσχρ ευχρ κοινοχρ παλιμψ'),
    step5l: words('ουνε ησουνε ηθουνε'),
    step5lA: words('ν ρ σπι στραβομουτσ κακομουτσ εξων'),
    step5m: words('ουμε ησουμε ηθουμε'),
    step5mA: words('παρασουσ φ χ ωριοπλ αζ αλλοσουσ ασουσ'),
    step6a: words('ματα ματων ματοσ'),
    step6: words('α αγατε αγαν αει αμαι αν ασ ασαι αται αω ε ει εισ ειτε εσαι εσ εται ι ιεμαι ιεμαστε ' +
      'ιεται ιεσαι ιεσαστε ιομασταν ιομουν ιομουνα ιονταν ιοντουσαν ιοσασταν ιοσαστε ιοσουν ' +
      'ιοσουνα ιοταν ιουμα ιουμαστε ιουνται ιουνταν η ηδεσ ηδων ηθει ηθεισ ηθειτε ηθηκατε ηθηκαν ' +
      'ηθουν ηθω ηκατε ηκαν ησ ησαν ησατε ησει ησεσ ησουν ησω ο οι ομαι ομασταν ομουν ομουνα ονται ' +
      'ονταν οντουσαν οσ οσασταν οσαστε οσουν οσουνα οταν ου ουμαι ουμαστε ουν ουνται ουνταν ουσ ' +
      'ουσαν ουσατε υ υσ ω ων'),
    step7: words('εστερ εστατ οτερ οτατ υτερ υτατ ωτερ ωτατ')
  };

  // Thrown where rust-stemmers panics: `stem` then returns the word as given.
  var PANIC = {};

  function stemBmp(word) {
    var w = word.split('').map(function (c) { return LOWER[c] || c; }).join('');
    if (w.length < 3) return w;
    // `bra`: where the last match began, as in the generated code (step 5a reads it).
    var bra = 0, test1 = true;

    // The longest of `list` that w ends with ('' if none); a match sets bra.
    function suffix(list) {
      var best = '';
      list.forEach(function (s) { if (s.length > best.length && w.endsWith(s)) best = s; });
      if (best) bra = w.length - best.length;
      return best;
    }
    // Is the whole word (the longest match reaching the start) one of `list`?
    function whole(list) { return suffix(list) !== '' && bra === 0; }
    function literal(s) {
      if (!w.endsWith(s)) return false;
      bra = w.length - s.length;
      return true;
    }
    // Removes the longest ending of `list`; false if there is none.
    function cut(list) {
      var s = suffix(list);
      if (s) w = w.slice(0, -s.length);
      return s !== '';
    }
    function cutLiteral(s) {
      if (!literal(s)) return false;
      w = w.slice(0, -s.length);
      return true;
    }
    // Adds x after the word (what ->s <- x <+ s does with the word's last match).
    function append(x) {
      bra = w.length;
      w += x;
    }
    // Steps 4, 5b, 5c: after a vowel of `vowels`, x is added; if what precedes that vowel is one of
    // `list`, the generated code then also rewrites the stale marks: P v x becomes P v x0 x0 x1 x1.
    // Without the vowel, x is added after a whole word of `list`.
    function vowelThenList(vowels, x, list, other) {
      var n = w.length;
      if (n > 0 && vowels.indexOf(w.charAt(n - 1)) >= 0) {
        var p = w.slice(0, -1);
        w = p + w.charAt(n - 1) + x;
        if (stemIsIn(p, list)) w = p + w.charAt(n - 1) + x[0] + x[0] + x[1] + x[1];
        return;
      }
      if (other && other()) return;
      if (whole(list)) append(x);
    }
    function stemIsIn(p, list) {
      var best = '';
      list.forEach(function (s) { if (s.length > best.length && p.endsWith(s)) best = s; });
      if (best) bra = p.length - best.length;
      return best !== '' && best.length === p.length;
    }

    (function step1() {
      var s = suffix(Object.keys(STEP1));
      if (!s) return;
      w = w.slice(0, bra) + STEP1[s];
      test1 = false;
    })();
    // steps1 to steps10: an ending, then something added back after certain whole stems.
    function steps(endings, then) {
      if (!cut(endings)) return;
      test1 = false;
      then();
    }
    steps(L.steps1, function () { if (whole(L.steps1a)) append('ι'); else if (whole(L.steps1b)) append('ιζ'); });
    steps(L.steps2, function () { if (whole(L.steps2a)) append('ων'); });
    steps(L.steps3, function () {
      if (w === 'ισα') throw PANIC; // rust-stemmers slices past the end of the word here
      else if (whole(L.steps3a)) append('ι');
      else if (whole(L.steps3b)) append('ισ');
    });
    steps(L.steps4, function () { if (whole(L.steps4a)) append('ι'); });
    steps(L.steps5, function () { if (whole(L.steps5a)) append('ι'); else if (whole(L.steps5b)) append('ιστ'); });
    steps(L.steps6, function () {
      if (whole(L.steps6a)) append('ισμ');
      else if (whole(L.steps6b)) append('ι');
      else if (suffix(L.steps6c)) w = w.slice(0, -2);
    });
    steps(L.steps7, function () { if (whole(L.steps7a)) append('αρακ'); });
    steps(L.steps8, function () {
      if (whole(L.steps8a)) append('ακ');
      else if (whole(L.steps8b) || literal('κορ')) append('ιτσ');
    });
    steps(L.steps9, function () { if (whole(L.steps9a) || suffix(L.steps9b)) append('ιδ'); });
    steps(L.steps10, function () { if (whole(L.steps10a)) append('ισκ'); });

    // step 2a-2d
    if (cut(L.step2a) && !suffix(L.step2aNot)) {
      w += 'αδ';
      bra = w.length;
    }
    if (cut(L.step2b) && suffix(L.step2bA)) append('εδ');
    if (cut(L.step2c) && suffix(L.step2cA)) append('ουδ');
    steps(L.step2d, function () { if (whole(L.step2dA)) append('ε'); });
    // step 3: -ια -ιου -ιων, then ι back after a vowel
    steps(L.step3, function () {
      if (VOWEL.indexOf(w.charAt(w.length - 1)) >= 0 && w.length > 0) append('ι');
    });
    // step 4
    steps(L.step4, function () { vowelThenList(VOWEL, 'ικ', L.step4A); });
    // step 5a
    if (w === 'αγαμε') w = w.slice(0, bra) + 'αγαμ';
    if (cut(L.step5a)) test1 = false;
    if (cutLiteral('αμε')) {
      test1 = false;
      if (whole(L.step5aA)) append('αμ');
    }
    // step 5b
    if (cut(L.step5b)) {
      test1 = false;
      if (whole(L.step5bA)) append('αγαν');
    }
    if (cutLiteral('ανε')) {
      test1 = false;
      vowelThenList(VOWEL2, 'αν', L.step5bB);
    }
    // step 5c
    if (cut(L.step5c)) test1 = false;
    if (cutLiteral('ετε')) {
      test1 = false;
      vowelThenList(VOWEL2, 'ετ', L.step5cB, function () {
        var m = suffix(L.step5cA);
        if (!m) return false;
        var p = w.slice(0, -m.length);
        w += 'ετ';
        // the stale marks: P m ετ becomes P m ετ ετ; for an m of more than two letters they
        // reach past the end of the word, and rust-stemmers panics
        if (stemIsIn(p, L.step5cB)) {
          if (m.length > 2) throw PANIC;
          w += 'ετ';
        }
        return true;
      });
    }
    // step 5d
    steps(L.step5d, function () {
      if (literal('αρχ') && bra === 0) append('οντ');
      else if (literal('κρε')) append('ωντ');
    });
    // step 5e
    steps(L.step5e, function () { if (literal('ον') && bra === 0) append('ομαστ'); });
    // step 5f
    if (cutLiteral('ιεστε')) {
      test1 = false;
      if (whole(L.step5fA)) append('ιεστ');
    }
    if (cutLiteral('εστε')) {
      test1 = false;
      if (whole(L.step5fB)) append('ιεστ');
    }
    // step 5g
    if (cut(L.step5g)) test1 = false;
    steps(L.step5gA, function () { if (suffix(L.step5gB) || whole(L.step5gC)) append('ηκ'); });
    // step 5h
    steps(L.step5h, function () { if (suffix(L.step5hA) || whole(L.step5hB)) append('ουσ'); });
    // step 5j (before 5i, as in this revision)
    steps(L.step5j, function () { if (whole(L.step5jA)) append('ησ'); });
    // step 5i
    steps(L.step5i, function () {
      if (literal('κολλ')) append('αγ');
      else if (suffix(L.step5iNot)) return;
      else if (suffix(L.step5iA) || whole(L.step5iB)) append('αγ');
    });
    steps(L.step5k, function () { if (whole(L.step5kA)) append('ηστ'); });
    steps(L.step5l, function () { if (whole(L.step5lA)) append('ουν'); });
    steps(L.step5m, function () { if (whole(L.step5mA)) append('ουμ'); });
    // step 6: -ματ- -> μα; then, if no earlier step removed anything, an inflectional ending
    var ma = suffix(L.step6a);
    if (ma) w = w.slice(0, -ma.length) + 'μα';
    if (test1) cut(L.step6);
    // step 7: comparative and superlative
    cut(L.step7);
    return w;
  }

  // Snowball counts characters: stem with each astral character as one stand-in that is no
  // letter of any rule (endings are BMP letters, so they come back in order).
  function stem(word) {
    var astral = [];
    var w;
    try {
      w = stemBmp(String(word).replace(/[\ud800-\udbff][\udc00-\udfff]/g, function (c) {
        astral.push(c);
        return '\u0000';
      }));
    } catch (e) {
      if (e === PANIC) return String(word);
      throw e;
    }
    return astral.length ? w.replace(/\u0000/g, function () { return astral.shift(); }) : w;
  }

  globalThis.CausebookStemmers = globalThis.CausebookStemmers || {};
  globalThis.CausebookStemmers.el = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
