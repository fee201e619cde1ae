# యజమాని డాష్‌బోర్డ్, తెలుగులో.
dash-title = యజమాని డాష్‌బోర్డ్
dash-from = నుండి (YYYY-MM-DD)
dash-to = వరకు
dash-last-90 = గత 90 రోజులు
dash-all-time = మొత్తం కాలం
dash-owner-pin = గణాంకాలకు యజమాని PIN
dash-show = గణాంకాలు చూపండి
dash-export = CSV ఎగుమతి చేయండి
dash-choose = ఒక కాలాన్ని ఎంచుకుని గణాంకాలు చూపండి నొక్కండి.
dash-range = { $from } నుండి { $to } వరకు
dash-row = { $name }: { $value }
dash-none = -
dash-repeat-rate = మళ్ళీ వచ్చిన వారి శాతం
dash-repeat-rate-value = { $rate } (వచ్చిన { $visiting } మంది సభ్యులలో { $repeat })
dash-visits = సందర్శనలు
dash-visits-value = { $visits } (సభ్యులు { $members }, పేరు లేనివి { $anonymous })
dash-median-days = సందర్శనల మధ్య మధ్యస్థ రోజులు
dash-average-spend = సగటు ఖర్చు
dash-average-spend-value = సభ్యులు { $members }, పేరు లేనివారు { $anonymous }
dash-points = పాయింట్లు
dash-points-value = ఇచ్చినవి { $issued }, వాడినవి { $redeemed }, గడువు ముగిసినవి { $expired }; మిగిలినవి { $outstanding }
dash-redemption-rate = వాడిన శాతం
dash-referrals = సిఫార్సులు
dash-referrals-value = పంచుకున్న కోడ్‌లు { $shared }, చేరిన స్నేహితులు { $enrolled }, మొదటి కొనుగోలు చేసినవారు { $rewarded } (ఇద్దరికీ బహుమతి); వేచి ఉన్నవి { $pending }; తిరస్కరించినవి { $refused }
dash-average-rating = సగటు రేటింగ్
dash-rating-value = 5 లో { $average } ({ $count ->
    [one] { $count } రేటింగ్
   *[other] { $count } రేటింగ్‌లు
})
dash-no-ratings = రేటింగ్‌లు లేవు
dash-tickets = టికెట్లు
dash-tickets-value = తెరిచినవి { $opened }, పరిష్కరించినవి { $resolved }, ఇప్పుడు తెరిచి ఉన్నవి { $open }; పరిష్కారానికి మధ్యస్థ సమయం { $median }
dash-hours = { $hours } గం.
dash-weeks = వారానికి కొత్త, మళ్ళీ వచ్చిన సభ్యులు
dash-week = వారం
dash-new-members = కొత్త సభ్యులు
dash-returning-members = మళ్ళీ వచ్చిన సభ్యులు
dash-weeks-table = వారాలు పట్టికగా
dash-week-starting = వారం మొదలు
dash-new = కొత్త
dash-returning = మళ్ళీ వచ్చినవారు
dash-frequency = సందర్శనల తరచుదనం (కాలంలో సందర్శనల సంఖ్య ప్రకారం సభ్యులు)
dash-members = సభ్యులు
dash-frequency-table = తరచుదనం పట్టికగా
dash-frequency-row = { $visits } సందర్శనలు
dash-cohorts = కోహార్ట్ నిలుపుదల (మొదటి సందర్శన నెల ప్రకారం)
dash-cohort = కోహార్ట్
dash-cohort-so-far = { $figure } ఇప్పటివరకు
dash-cohort-so-far-hint = ఈ నెల ఇంకా పూర్తి కాలేదు: సంఖ్య ఎంచుకున్న కాలం చివరి వరకు ఉన్న సందర్శనలను మాత్రమే లెక్కిస్తుంది, పూర్తి నెల కాదు.
dash-month-after = +{ $months } నె.
dash-top-spend = ఖర్చు ప్రకారం అగ్ర కస్టమర్లు
dash-top-visits = సందర్శనల ప్రకారం అగ్ర కస్టమర్లు
dash-erased = (తొలగించబడింది)
dash-visit-count = { $visits ->
    [one] { $visits } సందర్శన
   *[other] { $visits } సందర్శనలు
}
dash-ratings = రేటింగ్‌లు
dash-stars = { $stars ->
    [one] { $stars } నక్షత్రం
   *[other] { $stars } నక్షత్రాలు
}
dash-stars-count = { $stars ->
    [one] { $stars } నక్షత్రం
   *[other] { $stars } నక్షత్రాలు
}: { $count }
dash-refused = తిరస్కరించిన సిఫార్సులు
dash-scope = వీటి లెక్కలు:
dash-scope-till = ఈ కౌంటర్
dash-scope-all = అన్ని దుకాణాలు
dash-chain-heading = చైన్ దుకాణాలు (సెంట్రల్ స్టోర్ నుండి)
dash-chain-shop = దుకాణం
dash-chain-sales = అమ్మకాలు
dash-chain-refunds = వాపసులు
dash-chain-returning = తిరిగి వచ్చిన సభ్యులు
dash-chain-earned = సంపాదించిన పాయింట్లు
dash-chain-redeemed = వాడిన పాయింట్లు
dash-chain-service = కొత్త సభ్యులు, రేటింగ్‌లు, టికెట్లు
dash-chain-resolved = ఇప్పుడు పరిష్కరించినవి
dash-overdue = ఆలస్యమైన అభ్యర్థనలు
dash-overdue-value = { $count } ఇప్పుడు జవాబు లేదా పరిష్కార గడువు దాటాయి
dur-minutes = { $minutes } ని
dur-hours = { $hours } గం { $minutes } ని
dur-days = { $days } రో { $hours } గం
dash-share = { $whole } లో { $part } ({ $percent })
dash-share-few = { $whole } లో { $part }
dash-few-note = { $value } (శాతానికి చాలా తక్కువ)
dash-share-none = ఇంకా లేదు
dash-support = సహాయం: సమస్య పరిష్కారమైతే కస్టమర్ తిరిగి వస్తారా?
dash-first-reply = మొదటి జవాబుకు సమయం
dash-first-reply-value = మధ్యస్థం { $median } · టికెట్లు: { $count } · ఇంకా జవాబు లేనివి: { $unreplied }
dash-resolution = పరిష్కారానికి సమయం
dash-resolution-value = మధ్యస్థం { $median } · పరిష్కరించిన టికెట్లు: { $count }
dash-outcomes = పరిష్కరించిన టికెట్లు
dash-outcomes-value = మొత్తం { $ever }: కస్టమర్ నిర్ధారించినవి { $confirmed }; మళ్లీ తెరిచినవి { $reopened }; నిర్ధారించనివి { $unconfirmed }
dash-effort = మళ్లీ సంప్రదింపులు
dash-effort-value = మొత్తం { $contacts } (టికెట్‌కు { $per }); అవసరమైన టికెట్లు: { $share }
dash-came-back = { $days } రోజుల్లో తిరిగి వచ్చారు
dash-came-back-value = నిర్ధారించిన పరిష్కారం తర్వాత { $confirmed }; ఇతర టికెట్ల తర్వాత { $other } ({ $until } వరకు పరిష్కరించిన టికెట్లు)
dash-came-back-early = చెప్పడానికి ఇంకా తొందర: టికెట్‌కు { $days } రోజులు గడవాలి
dash-rated-visits = రేటింగ్ ఇచ్చిన సందర్శనలు
dash-quiet = ఫిర్యాదు చేయని సభ్యుల మరియు ఫిర్యాదు చేసినవారి రేటింగ్‌లు
dash-quiet-value = ఎప్పుడూ ఫిర్యాదు చేయనివారు: { $quiet }; ఫిర్యాదు చేసినవారు: { $complained }; అనామకులు: { $anonymous }
dash-waits = తీవ్రత మరియు మార్గం వారీగా నిరీక్షణ (మధ్యస్థం · టికెట్లు)
dash-wait-cell = { $median } · { $count }
dash-by-staff = డ్యూటీలో ఉన్న సిబ్బంది వారీగా రేటింగ్‌లు (యజమానికి మాత్రమే)
dash-staff = సిబ్బంది
dash-low-ratings = 3 నక్షత్రాలు లేదా తక్కువ
dash-overdue-by-day = ప్రతి రోజు చివర ఆలస్యమైన టికెట్లు
dash-overdue-none = ఈ కాలంలో టికెట్లు లేవు, కాబట్టి ఏదీ ఆలస్యం కాలేదు.
dash-day = రోజు
dash-referral-moment = బహుమతి తర్వాత వెంటనే రెఫరల్‌లు
dash-referral-moment-value = రెఫర్ చేసినవారు బహుమతి తీసుకున్న { $days } రోజుల్లో { $after }; ఇతర సమయాల్లో { $other }
dur-span = { $from }–{ $to }
dur-over = { $from } కంటే ఎక్కువ
dash-common-problems = అత్యంత సాధారణ సమస్యలు మరియు వాటి సాధారణ పరిష్కారాలు (మొత్తం కాలం)
dash-problem = సమస్య
dash-usual-fixes = సాధారణ పరిష్కారాలు
dash-fix = { $body } ({ $uses } ×)
dash-no-fixes = దాచిన జవాబు ఇంకా వాడలేదు
dur-hours-only = { $hours } గం
dur-days-only = { $days } రో
