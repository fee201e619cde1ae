cli-points = { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}
cli-enrolled = { $name } చేరారు: కార్డ్ { $code }, రిఫరల్ కోడ్ { $referral }, బ్యాలెన్స్ { cli-points }.
cli-customer = { $name }  కార్డ్ { $code }  రిఫరల్ కోడ్ { $referral }
cli-erased = (వివరాలు తొలగించబడ్డాయి)
cli-phone = ఫోన్      { $phone }
cli-email = ఈమెయిల్   { $email }
cli-balance = బ్యాలెన్స్ { cli-points }
cli-visits = సందర్శనలు { $visits }
cli-visits-last = సందర్శనలు { $visits } (చివరిది { $when })
cli-next = తదుపరి    { $progress }
cli-reward-voucher = బహుమతి   { $reward } (స్టాంప్ కార్డ్, ఉచితం)  [{ $id }]
cli-reward-points = బహుమతి   { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = చేరిన తేదీ { $when }
cli-sale-duplicate = రసీదు { $receipt } ఇప్పటికే నమోదైంది (సందర్శన { $visit }, { $amount }): ఏమీ మారలేదు.
cli-sale-member = { $code } కోసం { $amount } అమ్మకం నమోదైంది (సందర్శన { $visit }): +{ cli-points }, బ్యాలెన్స్ { $balance }.
cli-stamp-complete = స్టాంప్ కార్డ్ నిండింది: బహుమతి వోచర్ సిద్ధం.
cli-receipt-page = రసీదు పేజీ: { $url }
cli-sale-anonymous = కార్డ్ లేని { $amount } అమ్మకం నమోదైంది (సందర్శన { $visit }). రసీదు పేజీ: { $url }
cli-refunded = రసీదు { $receipt } నుండి { $amount } తిరిగి ఇచ్చాము.
cli-refunded-full = రసీదు { $receipt } నుండి { $amount } తిరిగి ఇచ్చాము (పూర్తిగా).
cli-points-back = { cli-points } వెనక్కి తీసుకున్నాము; బ్యాలెన్స్ { $balance }.
cli-points-spent = ({ $due } రావాల్సి ఉంది; మిగతావి ఇప్పటికే బహుమతులకు ఖర్చయ్యాయి.)
cli-points-pending = (చైన్ సెంట్రల్ స్టోర్ జవాబిచ్చాక { $points } వెనక్కి తీసుకుంటాము: తదుపరి సింక్ అది చేస్తుంది.)
cli-printed = రసీదు ప్రింట్ అయింది: { $file }
cli-printed-count = ప్రింట్ అయిన రసీదులు: { $count }.
cli-not-printed = రసీదు ప్రింట్ కాలేదు: { $problem }. ఇది భద్రంగా ఉంది ({ $waiting } వేచి ఉన్నాయి), ప్రింటర్ సిద్ధమైనప్పుడు `regulars print retry`తో ప్రింట్ అవుతుంది.
cli-stats-customers = కస్టమర్లు
cli-stats-sales = అమ్మకాలు
cli-stats-sales-value = { $sales } (రీఫండ్‌లు { $refunds })
cli-stats-csv = { $count } CSV ఫైళ్ళు { $dir }లో రాశాము.
cli-nothing-to-print = ప్రింట్ కోసం ఏదీ వేచి లేదు.
cli-print-job = పని { $id } ({ $kind }, సందర్శన { $visit }) { $when } నుండి: { $attempts } ప్రయత్నాలు
cli-print-job-error = { $job }, చివరిది: { $error }
cli-trying-again = { $waiting }; మళ్ళీ ప్రయత్నిస్తోంది…
cli-staff-added = { $name } ({ $role }) జోడించబడ్డారు. ఇప్పుడు కౌంటర్ సైన్ ఇన్ కోసం సిబ్బంది PIN అడుగుతుంది.
cli-staff-none = సిబ్బంది లేరు: కౌంటర్ వద్ద ఎవరైనా అమ్మవచ్చు, రీఫండ్ చేయవచ్చు. `regulars staff add`తో వారిని జోడించండి.
cli-backup-exists = { $path } ఇప్పటికే ఉంది: వేరే మార్గం ఎంచుకోండి; ఏదీ తిరగరాయలేదు
cli-serving = కస్టమర్ పేజీలు http://{ $addr }లో (రసీదులు { $url }కి దారి తీస్తాయి). ఆపడానికి Ctrl-C నొక్కండి.
cli-api-on = లోకల్ API /api/v1/ వద్ద ([portal] api_key నుండి కీ).
cli-api-off = లోకల్ API ఆఫ్‌లో ఉంది: టిల్ పిలవడానికి config.tomlలో [portal] api_key సెట్ చేయండి.
cli-devices-state = పరికరాలు: ప్రింటర్: { $printer }; స్కానర్: { $scanner }.
cli-error = లోపం: { $message }
cli-no-match = '{ $text }'కు ఏ కస్టమర్ సరిపోలలేదు. `regulars customer add`తో చేర్చండి.
cli-found-figures = { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}, { $visits ->
    [one] { $visits } సందర్శన
   *[other] { $visits } సందర్శనలు
}
cli-exported = { $code } గురించి ఉన్నదంతా { $path }లో రాశాము.
cli-note-added = { $code } టైమ్‌లైన్‌కు నోట్ జోడించాము.
cli-erase-confirm = { $code }ని తొలగిస్తే పేరు, ఫోన్, ఈమెయిల్, నోట్లు శాశ్వతంగా పోతాయి: ధృవీకరించడానికి --yes జోడించండి
cli-erased-details = { $code } వ్యక్తిగత వివరాలు తొలగించాము. సందర్శనలు, పాయింట్లు అనామక సంఖ్యలుగా ఉంటాయి.
cli-merged = కార్డ్ { $gone }‌ను { $kept }‌లో కలిపాము: { $visits } సందర్శనలు, { $points } పాయింట్లు తరలించాము; ఇప్పుడు { $kept }‌కు { $balance } పాయింట్లు ఉన్నాయి. ఇకపై కార్డ్ { $gone } { $kept }‌ను చూపిస్తుంది.
cli-duplicates-none = ఏ కస్టమర్లకూ ఒకే ఫోన్ లేదా ఇమెయిల్ లేదు.
cli-duplicate-phone = { $a } ({ $a_name }), { $b } ({ $b_name }) లకు ఒకే ఫోన్ ఉంది: regulars customer merge { $a } { $b }
cli-duplicate-email = { $a } ({ $a_name }), { $b } ({ $b_name }) లకు ఒకే ఇమెయిల్ ఉంది: regulars customer merge { $a } { $b }
cli-redeemed-voucher = స్టాంప్ కార్డ్ వోచర్‌తో { $reward } తీసుకున్నారు. బ్యాలెన్స్ { $balance }.
cli-redeemed = { cli-points }కు { $reward } తీసుకున్నారు. బ్యాలెన్స్ { $balance }.
cli-adjusted-already = ఈ సవరణ ఇప్పటికే జరిగింది (ఈవెంట్ { $event }): ఏమీ మారలేదు. బ్యాలెన్స్ { $balance }.
cli-points-added = { cli-points } జోడించారు ({ $by }, { $reason }). బ్యాలెన్స్ { $balance }.
cli-points-removed = { cli-points } తీసివేశారు ({ $by }, { $reason }). బ్యాలెన్స్ { $balance }.
cli-no-referrals = రిఫరల్స్ లేవు.
cli-rebuild-matched = సమగ్రాలు మూల వరుసలతో సరిపోయాయి: మార్చాల్సిందేమీ లేదు.
cli-rebuild-table = { $table }: { $rows ->
    [one] { $rows } వరుస
   *[other] { $rows } వరుసలు
}
cli-rebuild-done = సమగ్రాలు మూల వరుసలతో తేడా వచ్చాయి, మళ్లీ లెక్కించాము ({ $tables }).
cli-not-a-date = { $option } '{ $text }' తేదీ కాదు: YYYY-MM-DD వాడండి, ఉదా. 2026-03-01
cli-range-backwards = --from అనేది --to రోజు లేదా అంతకు ముందు ఉండాలి
cli-backing-up = బ్యాకప్ చేస్తున్నాము
cli-bad-role = పాత్ర cashier (క్యాషియర్) లేదా owner (యజమాని)
cli-devices-ports = సీరియల్ పోర్టులు: { $ports }
cli-devices-usb = USB ప్రింటర్లు: { $ports }
cli-devices-no-ports = ఏవీ కనబడలేదు
cli-devices-printers = ప్రింటర్ ప్రొఫైళ్లు: { $profiles }
cli-devices-scanners = స్కానర్ ప్రొఫైళ్లు: { $profiles }
cli-devices-help = config.tomlలో [printer] port/profile, [scanner] port/profile సెట్ చేయండి; port = "virtual" అంతర్నిర్మిత వర్చువల్ ప్రింటర్‌ను వాడుతుంది.
cli-scan-no-port = స్కానర్ పోర్ట్ లేదు: --port PATH ఇవ్వండి లేదా config.tomlలో [scanner] port సెట్ చేయండి
cli-scan-listening = { $port } ({ $profile }) వింటున్నాము; ఏదైనా స్కాన్ చేయండి.
cli-scan-card = కస్టమర్ కార్డ్ { $code }
cli-scan-receipt = రసీదు QR (టోకెన్ { $token })
cli-scan-referral = రిఫరల్ కోడ్ { $code }
cli-scan-product = ఉత్పత్తి { $symbology } { $gtin }
cli-scan-unknown = తెలియని కోడ్ '{ $data }': { $reason }
cli-scan-rejected = తిరస్కరించబడింది: { $reason }
cli-plug-started = ప్లగ్-ఇన్ మోడ్: టిల్ { $till } ({ $profile }), ప్రింటర్ { $printer }. ఈవెంట్లు { $log }కు వెళ్తాయి. ఆపడానికి Ctrl-C.
cli-plug-card = కార్డ్ { $code } స్కాన్ అయింది: తదుపరి రసీదు వారిది
cli-ticket-opened = టికెట్ తెరిచాము.
cli-ticket-resolved = పరిష్కరించాము. కస్టమర్ తమ రసీదు పేజీలో ధృవీకరించవచ్చు.
cli-ticket-confirmed = కస్టమర్ ధృవీకరించారు.
cli-ticket-waiting = కస్టమర్ జవాబు కోసం వేచి ఉంది.
cli-ticket-reopened = మళ్లీ తెరిచాము.
cli-ticket-noted = టికెట్ #{ $id }కు నోట్ జోడించాము.
cli-ticket-replied = టికెట్ #{ $id }కు సమాధానం దాని చరిత్రలో ఉంచాము, కస్టమర్‌కు పంపే వరుసలో పెట్టాము (`regulars messages send` పంపుతుంది).
cli-ticket-none = ఏ టికెట్లూ సరిపోలలేదు.
cli-ticket-no-follow-up = ఫాలో-అప్ చేయాల్సినవి లేవు: పరిష్కరించిన ప్రతి టికెట్ ధృవీకరించబడింది లేదా ఇటీవలిదే.
cli-ticket-anonymous = అనామక రసీదు
cli-ticket-head = [{ $status }] ప్రాధాన్యత { $priority } · తీవ్రత { $severity } · { $who } · { $channel }
cli-ticket-visit = సందర్శన V{ $visit }
cli-ticket-reply = జవాబు: { $via }
cli-ticket-bad-status = --status { $text }: open, waiting, resolved, confirmed లేదా all వాడండి
cli-ticket-bad-contact-via = --contact-via { $text }: phone, email, sms లేదా in_store వాడండి
cli-ticket-event-opened = తెరిచారు
cli-ticket-event-note = నోట్
cli-ticket-event-waiting = కస్టమర్ కోసం వేచి ఉంది
cli-ticket-event-resolved = పరిష్కరించారు
cli-ticket-event-confirmed = కస్టమర్ ధృవీకరించారు
cli-ticket-event-reopened = మళ్లీ తెరిచారు
cli-ticket-event-open = మళ్లీ తెరిచి ఉంది
cli-made-private = డేటా ఫోల్డర్ { $path } ఈ కంప్యూటర్ ఇతర వినియోగదారులకు తెరిచి ఉంది: ఇప్పుడు { $folders } ఫోల్డర్లు, { $files } ఫైళ్లు మీకు మాత్రమే.
cli-backup-written = బ్యాకప్ { $path }లో రాశాము ({ $kb } KB), డేటాబేస్‌తో సరిచూశాము: { $holds }.
cli-backup-holds = { $customers } కస్టమర్లు, { $visits } సందర్శనలు, { $newest }
cli-backup-newest = తాజా అమ్మకం { $when }
cli-backup-no-sales = ఇంకా అమ్మకాలు లేవు
cli-backup-none = { $dir }లో బ్యాకప్‌లు లేవు. `regulars backup`తో ఒకటి చేయండి.
cli-backup-no-checksum = * పక్కన చెక్‌సమ్ లేదు (చేతితో కాపీ చేశారా?): `regulars backup verify` దీన్ని SQLiteతో మాత్రమే తనిఖీ చేయగలదు
cli-backup-good = { $path } సరైన బ్యాకప్ (చెక్‌సమ్, SQLite తనిఖీ): { $holds }.
cli-backup-good-unsummed = { $path } SQLite తనిఖీలో నెగ్గింది (పోల్చడానికి పక్కన చెక్‌సమ్ లేదు): { $holds }.
cli-restored = { $path } నుండి పునరుద్ధరించాము: { $holds }. పాత డేటాబేస్ { $kept }లో భద్రంగా ఉంది.
cli-backup-run = బ్యాకప్ { $path }లో రాశాము ({ $kb } KB), సరిచూశాము: { $customers } కస్టమర్లు, { $visits } సందర్శనలు. పాతవి క్రమబద్ధీకరించాము.
cli-backup-run-sealed = ఎన్‌క్రిప్ట్ చేసిన బ్యాకప్ { $path }లో రాశాము ({ $kb } KB), మళ్లీ చదివి సరిచూశాము: { $customers } కస్టమర్లు, { $visits } సందర్శనలు. పాతవి క్రమబద్ధీకరించాము.

## గొలుసు: కేంద్ర నిల్వ మరియు సింక్
cli-central-init = కేంద్ర నిల్వ { $url } సిద్ధంగా ఉంది: స్కీమా వెర్షన్ { $version } (ముందు { $before }).
cli-sync-done = సింక్ పూర్తయింది. పంపినవి: { $sent }; ఇప్పటికే ఉన్నవి: { $duplicates }; తిరస్కరించినవి: { $rejected }. అందుకున్నవి: { $received }. ఇంకా పంపాల్సినవి: { $to_send }.
cli-sync-problems = ఇక్కడ సరిగ్గా వర్తింపజేయలేనివి: { $problems } (`regulars sync status` చూడండి).
cli-sync-this-till = ఈ టిల్: { $till } (దుకాణం { $shop }). చివరి సంప్రదింపు: { $when }. పంపాల్సినవి: { $to_send }. తిరస్కరించినవి: { $rejected }. సమస్యలు: { $problems }.
cli-sync-never = ఎప్పుడూ లేదు
cli-sync-offline = { $since } నుండి ఆఫ్‌లైన్: { $error }
cli-sync-not-joined = ఈ టిల్ ఇంకా సింక్ కాలేదు; `regulars sync` దీన్ని { $till }గా గొలుసులో చేరుస్తుంది.
cli-sync-chain = గొలుసులోని టిల్‌లు, కేంద్ర నిల్వ చివరిగా విన్నట్లు:
cli-sync-chain-till = { $till } ({ $shop }): చివరి సంప్రదింపు { $when }; పంపాల్సినవి: { $to_send }; వెనుకబడినవి: { $behind }
cli-sync-unreachable = కేంద్ర నిల్వ ఇప్పుడు అందుబాటులో లేదు ({ $error }): ఈ టిల్ దృశ్యం మాత్రమే చూపబడింది.
cli-redeemed-offline = కేంద్ర నిల్వ అందుబాటులో లేనప్పుడు, ఈ రోజు ఈ కస్టమర్‌కు ఈ టిల్ అనుమతి నుండి వాడబడింది; తదుపరి సింక్‌లో ఇతర దుకాణాలకు తెలుస్తుంది.
cli-stats-shop = { $shop }: సందర్శనలు { $visits }; అమ్మకాలు { $sales } (వాపసులు { $refunds }); వచ్చిన సభ్యులు: { $members }, వారిలో ఒకటి కంటే ఎక్కువసార్లు: { $returning }; పొందిన పాయింట్లు { $earned }, వాడినవి { $redeemed }
cli-stats-shop-service = { $shop }: కొత్త సభ్యులు { $new }; రేటింగ్ ఇచ్చిన సందర్శనలు { $ratings }, సగటు { $average }; టికెట్లు { $tickets }, ఇప్పుడు పరిష్కరించినవి { $resolved }
cli-stats-all-shops = అన్ని దుకాణాలు (సభ్యులను వారు వెళ్లిన ప్రతి దుకాణంలో లెక్కిస్తారు)
cli-fit-bgnbd = మళ్ళీ వచ్చే సందర్శనలు (BG/NBD), { $customers } కస్టమర్లు: r = { $r }, α = { $alpha }, a = { $a }, b = { $b } (లాగ్-లైక్లీహుడ్ { $ll })
cli-fit-gamma-gamma = ఒక్కో సందర్శనకు ఖర్చు (Gamma-Gamma), మళ్ళీ కొన్న { $buyers } మంది: p = { $p }, q = { $q }, γ = { $v } (లాగ్-లైక్లీహుడ్ { $ll })
cli-fit-no-spend = ఒక్కో సందర్శనకు ఖర్చు: పట్టికలో monetary_value నిలువు వరుస లేదు, కాబట్టి మళ్ళీ వచ్చే సందర్శనలు మాత్రమే లెక్కించబడ్డాయి.
cli-insights-refit = { $members } సభ్యులపై మళ్ళీ లెక్కించాం ({ $repeat } మంది మళ్ళీ వచ్చారు): { $slipping } మందికి ఫోన్ చేయడం విలువైనది.
cli-insights-models = ఈ దుకాణం చరిత్రకు సరిపెట్టిన మళ్ళీ వచ్చే సందర్శనలు, ఖర్చు నమూనాలతో (BG/NBD, Gamma-Gamma) లెక్కించాం.
cli-insights-grid = కేవలం { $repeat } మంది సభ్యులే మళ్ళీ వచ్చారు, నమూనాలకు { $needed } కావాలి: బదులుగా రీసెన్సీ/ఫ్రీక్వెన్సీ గ్రిడ్‌తో లెక్కించాం (వారి సాధారణ వ్యవధికి రెట్టింపు కంటే ఎక్కువ, కనీసం ఒక నెల దూరంగా).
cli-insights-none = ఇంకా లెక్క లేదు: “regulars insights refit” నడపండి.
cli-insights-failed = { $when } నాటి మళ్ళీ లెక్క విఫలమైంది: { $why } జాబితా మునుపటి లెక్క నుండి.
cli-insights-head = ఈ వారం ఫోన్ చేయదగినవారు: { $count } / { $total } (లెక్కించినది { $when })
cli-insights-row = { $who }: చివరిసారి { $days ->
        [one] { $days } రోజు
       *[other] { $days } రోజుల
    } క్రితం వచ్చారు, { $visits } సందర్శనలు, సాధారణంగా { $spend }; { $outlook }; వస్తూ ఉంటే 90 రోజుల్లో { $stake }
cli-insights-chance = ఇంకా నిత్య కస్టమర్: { $chance }%
cli-insights-chance-was = ఇంకా నిత్య కస్టమర్: { $chance }% (ఇంతకు ముందు { $was }%)
cli-insights-away = సాధారణం కంటే ఎక్కువ కాలం రాలేదు
cli-insights-tickets = తెరిచి ఉన్న టికెట్లు: { $tickets }
cli-birthday-set = { $code }: పుట్టినరోజు { $birthday } వారి అనుమతితో ఇప్పుడు నమోదైంది.
cli-birthday-cleared = { $code }: పుట్టినరోజు తొలగించబడింది.
cli-occasions-given = { $birthday } పుట్టినరోజు, { $anniversary } వార్షికోత్సవ వోచర్లు ఇచ్చాం.
cli-messages-round = పంపినవి: { $sent }. తర్వాత మళ్లీ ప్రయత్నిస్తాం: { $retrying }. విఫలమైనవి: { $failed }. పంపలేదు (సమ్మతి వెనక్కి తీసుకున్నారు, చిరునామా లేదు): { $cancelled }. అనిశ్చితం: { $unsure }.
cli-messages-no-channel = ఇంకా ఏదీ పంపలేం: config.tomlలో [email] smtp లేదా [sms] url సెట్ చేయండి. అవుట్‌బాక్స్‌లో ఎదురు చూస్తున్నవి: { $queued }.
cli-messages-head = అవుట్‌బాక్స్: ఎదురు చూస్తున్నవి { $queued }, పంపినవి { $sent }, విఫలమైనవి { $failed }, అనిశ్చితం { $unsure }, పంపనివి { $cancelled }
cli-messages-row = #{ $id } { $kind } { $channel } ద్వారా { $who }కి: { $state } { $when } (ప్రయత్నాలు: { $attempts })
cli-messages-next = తదుపరి ప్రయత్నం { $when }
cli-messages-retried = సందేశం { $id } మళ్లీ పంపడానికి ఎదురు చూస్తోంది.
cli-messages-stopped = { $phone } నుండి STOP: ఇకపై మార్కెటింగ్ SMSలు రావు (సభ్యులు: { $count }).
cli-consent-given = { $code } { $channel } ద్వారా రివార్డ్ వార్తలు, ఆఫర్లకు సమ్మతించారు: “{ $wording }”
cli-consent-withdrawn = { $code }కి ఇకపై { $channel } ద్వారా రివార్డ్ వార్తలు, ఆఫర్లు రావు.
cli-messages-problem = సందేశం { $id }: { $why }
cli-answers = { $count ->
    [0] ఇంకా దాచిన జవాబులు లేవు: టికెట్‌ను --keep తో పరిష్కరించి దాని నోట్‌ను దాచండి.
   *[other] దాచిన జవాబులు ({ $count }), ఎక్కువగా వాడినవి ముందు:
}
cli-answer = #{ $id } · { $problem } · { $uses } సార్లు వాడారు · { $body }
# serve --pages-only: the page server.
cli-pages-only = పేజీ సర్వర్: చైన్ రసీదు పేజీలు, ప్రతి సెకనూ సెంట్రల్ స్టోర్ నుంచి తాజాగా. ఇక్కడ అమ్మకాలు, పరికరాలు, లోకల్ API, సందేశాలు ఉండవు.
cli-pages-only-needs-central = serve --pages-only చైన్ పేజీలను దాని సెంట్రల్ స్టోర్ నుంచి అందిస్తుంది: config.tomlలో [central] url, shop_id, till_id (pages-1 వంటి సొంత టిల్ id) సెట్ చేయండి
cli-pages-only-private = హెచ్చరిక: ఈ పేజీ సర్వర్ public_url, { $url }, దాని సొంత నెట్‌వర్క్‌లో (లేదా ఈ కంప్యూటర్‌లో) మాత్రమే తెరుచుకుంటుంది: చైన్ టిల్‌లకు వాటి పేజీలు తెరుచుకునే చోటుగా ఇదే చెప్పబడుతుంది, వేరే చోట ఫోన్లు దీన్ని తెరవలేవు. ఇంటర్నెట్ నుంచి ఈ సర్వర్ చేరే చిరునామాకు [portal] public_url సెట్ చేయండి.
cli-pages-copy-asking = కొత్త పేజీ సర్వర్: { $url } వద్ద ఉన్న చైన్ పేజీ సర్వర్‌ను చైన్ కాపీ కోసం అడుగుతోంది…
cli-pages-copy-arrived = చైన్ కాపీ: { $total } MB లో { $done } MB వచ్చింది.
cli-pages-copy-failed = { $url } నుండి చైన్ కాపీ రాలేదు: { $why }.
cli-pages-copied = { $url } నుండి వచ్చిన చైన్ కాపీతో మొదలైంది ({ $mb } MB: { $customers } కస్టమర్లు, { $visits } సందర్శనలు); అప్పటి నుండి జరిగినది మాత్రమే సెంట్రల్ స్టోర్ నుండి వస్తుంది.
cli-pages-copy-none = కొత్త పేజీ సర్వర్: వేరే ఏ పేజీ సర్వర్ కూడా చైన్ కాపీ ఇవ్వలేదు, కాబట్టి చైన్ మొత్తం చరిత్ర సెంట్రల్ స్టోర్ నుండి చదువుతోంది (కోటి సందర్శనలకు సుమారు ఇరవై నిమిషాలు). వచ్చినంత వరకు పేజీలు తెరుచుకుంటాయి; ఇంకా చేరని రసీదు దారిలో ఉందని చెబుతుంది.
cli-pages-copy-quicker = చైన్ యొక్క మొదటి పేజీ సర్వర్‌కు వేగవంతమైన మార్గం: దాన్ని ఆపి, చైన్‌లోని ఏదైనా టిల్ బ్యాకప్ నుండి ప్రారంభించండి (regulars serve --pages-only --start-from FILE).
cli-pages-start-has-db = ఈ పేజీ సర్వర్‌కు ఇప్పటికే దాని డేటాబేస్ ఉంది ({ $path }): --start-from కొత్త పేజీ సర్వర్ ఖాళీ ఫోల్డర్ కోసం మాత్రమే. ఏమీ మార్చలేదు.
cli-pages-start-copying = కొత్త పేజీ సర్వర్: { $file } బ్యాకప్ నుండి ప్రారంభిస్తోంది…
cli-pages-start-copied = బ్యాకప్: { $total } MB లో { $done } MB కాపీ అయింది.
cli-pages-started = { $file } బ్యాకప్ నుండి ప్రారంభమైంది ({ $mb } MB: { $customers } కస్టమర్లు, { $visits } సందర్శనలు); అప్పటి నుండి జరిగినది మాత్రమే సెంట్రల్ స్టోర్ నుండి వస్తుంది.
cli-pages-start-failed = { $file } బ్యాకప్ నుండి ప్రారంభించలేకపోయింది: { $why }. ఏమీ మార్చలేదు, బ్యాకప్ అలాగే ఉంది.
cli-setup-intro = { $path }లో Regulars ఏర్పాటు. Enter బ్రాకెట్‌లోని సూచనను తీసుకుంటుంది, "-" అంటే ఏదీ లేదు; ప్రతి సమాధానం వెంటనే సేవ్ అవుతుంది.
cli-setup-done = ఏర్పాటు పూర్తి. `regulars` కౌంటర్ తెరుస్తుంది; `regulars serve` స్క్రీన్ లేకుండా పేజీలు నడుపుతుంది.
cli-setup-one-or-two = 1 లేదా 2 అని సమాధానం ఇవ్వండి.
cli-setup-profile-unknown = '{ $profile }' ప్రింటర్ ప్రొఫైల్ కాదు: { $profiles }లో ఒకటి.
cli-messages-heard = చాట్‌ల నుండి: { $linked } లింక్ అయ్యాయి, { $heard } టికెట్లలోకి ({ $opened } కొత్తవి), { $unknown } తెలియని చాట్‌ల నుండి, { $refused } లింక్ కోడ్‌లు తిరస్కరించబడ్డాయి, { $ended } ముగిశాయి.
cli-messages-poll-problem = కస్టమర్లు రాసినది తెచ్చుకోలేకపోయాం: { $why }
cli-chat-linked = { $app }: { $since } నుండి లింక్ అయింది
cli-chat-ended = { $app }: { $since }న ముగిసింది ({ $why })
cli-messages-no-unknown = ఏ కార్డుకూ లింక్ కాని చాట్‌ల నుండి సందేశాలు లేవు.
cli-display-sent = { $port }లోని కస్టమర్ డిస్‌ప్లేకు పంపబడింది ({ $profile }).
cli-display-no-port = కస్టమర్ డిస్‌ప్లే సెట్ కాలేదు (config.tomlలో [display] port, లేదా --port): ఇక్కడ మాత్రమే చూపబడింది.
cli-display-failed = కస్టమర్ డిస్‌ప్లే అందుబాటులో లేదు: { $error }. కేబుల్, పవర్ మరియు [display] port చూడండి.
cli-display-busy = { $port }లోని కస్టమర్ డిస్‌ప్లేను మరో ప్రోగ్రామ్ వాడుతోంది: కౌంటర్ ఇప్పటికే దానిపై చూపుతోంది. డిస్‌ప్లేను విడిగా పరీక్షించడానికి విండోను మూసివేయండి (లేదా regulars serve ఆపండి).
