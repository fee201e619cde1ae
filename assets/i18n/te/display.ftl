display-idle = { $shop }కు స్వాగతం
display-idle-short = స్వాగతం!
display-idle-more = బహుమతుల గురించి అడగండి
display-idle-more-short = బహుమతులు అడగండి
display-hello = మళ్ళీ స్వాగతం, { $name }
display-hello-short = నమస్తే, { $name }
display-points = { $balance ->
    [one] { $balance } పాయింట్
   *[other] { $balance } పాయింట్లు
}
display-points-next = { display-points }, { $reward }కు ఇంకా { $remaining }
display-points-next-short = { $balance }, { $reward }కు { $remaining }
display-visits-next = { $reward }కు ఇంకా { $remaining } సందర్శనలు
display-visits-next-short = ఇంకా { $remaining } సందర్శనలు
display-ready = బహుమతి సిద్ధం: { $reward }
display-ready-short = సిద్ధం: { $reward }
display-sale = { $amount }, +{ $points } పాయింట్లు
display-sale-short = { $amount } +{ $points }
display-now = ఇప్పుడు { display-points }
display-anonymous = రసీదును స్కాన్ చేసి { $points } పాయింట్లు పొందండి
display-anonymous-short = రసీదు QR: +{ $points }
display-test = Regulars డిస్‌ప్లే పరీక్ష
display-test-short = డిస్‌ప్లే పరీక్ష
display-test-letters = తెలుగు 0123456789
display-join = మీ ఫోన్‌తో చేరండి
display-join-help = ఫోన్ కెమెరాతో కోడ్‌ను స్కాన్ చేసి, మీ పేరు మరియు ఫోన్ లేదా ఇమెయిల్ ఇవ్వండి: కౌంటర్ వెంటనే మిమ్మల్ని చూస్తుంది.
display-join-title = { $shop }లో చేరండి
display-joined = మీరు ఇప్పుడు సభ్యులు. అడిగితే ఈ స్క్రీన్‌ను కౌంటర్‌లో చూపించండి.
display-join-closed = ఈ కోడ్ ఇప్పటికే వాడబడింది. కౌంటర్ స్క్రీన్‌పై కోడ్‌ను మళ్ళీ స్కాన్ చేయండి.
display-joined-later = ఒక కస్టమర్ టాబ్లెట్‌లో చేరారు (కార్డ్ { $code }): ఈ కస్టమర్ సేవ పూర్తయ్యాక ఆ కోడ్‌తో వారిని తెరవండి.
display-outside = కస్టమర్ డిస్‌ప్లే దుకాణం నెట్‌వర్క్‌లో మాత్రమే తెరుచుకుంటుంది.
display-none = కస్టమర్ డిస్‌ప్లే లేదు
display-on = కస్టమర్ డిస్‌ప్లే { $port }లో
display-showing = కస్టమర్ డిస్‌ప్లే అమ్మకాన్ని చూపుతోంది
display-not-there = { $port }లో స్పందించడం లేదు: ప్లగ్ చేసి ఆన్ చేశారా?
display-lost = కస్టమర్ డిస్‌ప్లే: { $fault } (మళ్ళీ ప్రయత్నిస్తోంది)
display-unusable = కస్టమర్ డిస్‌ప్లే ఆఫ్: { $problem }
display-tablet = టాబ్లెట్ స్క్రీన్: { $url }
