# ప్రతి సంఘటన తర్వాత కౌంటర్ కింది వరుస చెప్పేది.
worker-stopped = డేటాబేస్ ప్రక్రియ ఆగిపోయింది: Regularsను మళ్ళీ ప్రారంభించండి. ఏదీ నమోదు కాలేదు.
scan-not-understood = స్కాన్ అర్థం కాలేదు: { $reason }
scan-referral = సిఫార్సు కోడ్ { $code }: కొత్త కస్టమర్ వివరాలు నింపి సభ్యులుగా చేర్చండి నొక్కండి.
scan-product = ఉత్పత్తి బార్‌కోడ్ ({ $symbology } { $gtin }): దీన్ని క్యాష్ రిజిస్టర్‌లో నమోదు చేయండి.
scan-unknown = తెలియని కోడ్ '{ $code }': { $reason }
identify-customer-first = ముందుగా కస్టమర్‌ను గుర్తించండి (వారి కార్డ్‌ను స్కాన్ చేయండి లేదా వెతకండి).
sale-not-recorded = అమ్మకం నమోదు కాలేదు: { $error }
refund-not-made = వాపసు జరగలేదు: { $error }
signed-out = సైన్ అవుట్ అయ్యారు.
customer-identified = { $name } ({ $code })
customer-unnamed = కస్టమర్
enrolled = { $name } సభ్యులుగా చేరారు: కార్డ్ { $code }, సిఫార్సు కోడ్ { $referral }.
sold = { $name } కోసం { $amount } అమ్మకం నమోదైంది: +{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}, బ్యాలెన్స్ { $balance }.
sold-anonymous = కస్టమర్ లేని { $amount } అమ్మకం నమోదైంది; పాయింట్లు పొందడానికి రసీదుపై QR ఉంది.
stamp-card-complete = స్టాంప్ కార్డ్ నిండింది: బహుమతి సిద్ధంగా ఉంది.
redeemed = { $reward } పొందారు ({ $how }). బ్యాలెన్స్ { $balance ->
    [one] { $balance } పాయింట్
   *[other] { $balance } పాయింట్లు
}.
refunded = రసీదు { $receipt } పై { $amount } వాపసు ఇచ్చారు: { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
} వెనక్కి తీసుకున్నాం.
reprinting = చివరి రసీదు మళ్ళీ ప్రింట్ అవుతోంది.
adjusted = పాయింట్లు { $change } సవరించబడ్డాయి: బ్యాలెన్స్ { $balance }.
signed-in = సైన్ ఇన్ అయ్యారు: { $name } ({ $role }).
visit-opened = సందర్శన { $id }, { $when }: { $amount }.
visit-opened-refunded = సందర్శన { $id }, { $when }: { $amount }, { $refunded } వాపసు ఇచ్చారు.
problem = సమస్య ({ $doing }): { $error }
not-enrolled = సభ్యులుగా చేర్చలేదు: { $error }
receipt-not-printed = రసీదు ప్రింట్ కాలేదు: { $problem }. ఇది దాచబడింది, ప్రింటర్ సిద్ధమైనప్పుడు ప్రింట్ అవుతుంది.
not-a-date = '{ $text }' తేదీ కాదు: YYYY-MM-DD వాడండి
range-backwards = కాలం దాని ముగింపు తర్వాత మొదలవుతోంది.
export-needs-figures = ముందుగా గణాంకాలు చూపండి, తర్వాత ఎగుమతి చేయండి.
ticket-needs-customer = ముందుగా కస్టమర్‌ను గుర్తించండి (లేదా రసీదును స్కాన్ చేయండి), తర్వాత టికెట్ తెరవండి.
not-points = '{ $text }' పాయింట్ల సంఖ్య కాదు: ఉదా. 20 లేదా -15
figures-shown = { $from } నుండి { $to } వరకు గణాంకాలు.
doing-note = నోట్ జోడిస్తుండగా
doing-adjust = పాయింట్లు సరిచేస్తుండగా
doing-enrol = చేర్చుకుంటుండగా
doing-find = కస్టమర్‌ను వెతుకుతుండగా
doing-open-customer = కస్టమర్‌ను తెరుస్తుండగా
doing-open-receipt = రసీదు తెరుస్తుండగా
doing-open-ticket = టికెట్ తెరుస్తుండగా
doing-print-card = కార్డ్ ప్రింట్ చేస్తుండగా
doing-test-page = పరీక్ష పేజీ ప్రింట్ చేస్తుండగా
doing-support = సహాయ చరిత్ర చదువుతుండగా
doing-figures = గణాంకాలు చదువుతుండగా
doing-sale = అమ్మకం నమోదు చేస్తుండగా
doing-redeem = బహుమతి ఇస్తుండగా
doing-refund = డబ్బు తిరిగి ఇస్తుండగా
doing-reprint = మళ్ళీ ప్రింట్ చేస్తుండగా
doing-resolve = టికెట్ పరిష్కరిస్తుండగా
doing-sign-in = సైన్ ఇన్ చేస్తుండగా
doing-export = గణాంకాలు ఎగుమతి చేస్తుండగా
store-error-typo = '{ $code }'లో తప్పు ఉంది: చెక్ అక్షరం సరిపోలడం లేదు; కోడ్‌ను మళ్ళీ చదవండి
store-error-code-shape = '{ $code }' కస్టమర్ కోడ్ కాదు: కోడ్‌లో 7 అక్షరాలు, అంకెలు ఉంటాయి, ఉదా. 4KQ2-M9X
store-error-email = '{ $email }' ఈమెయిల్ చిరునామా కాదు: ఒక @ మరియు డొమైన్ కావాలి, ఉదా. anna@example.com
store-error-phone = '{ $phone }' ఫోన్ నంబర్ కాదు: 6 నుండి 15 అంకెలు, + మరియు దేశ కోడ్‌తో మొదలవ్వచ్చు
store-error-no-customer = { $code } కోడ్‌తో కస్టమర్ లేరు: కార్డ్ చూడండి, లేదా ఫోన్ లేదా పేరుతో వెతకండి
store-error-no-referral = { $code } రిఫరల్ కోడ్‌తో కస్టమర్ లేరు: కోడ్ ఇచ్చిన స్నేహితుడితో సరిచూడండి
store-error-name = కస్టమర్‌ను చేర్చడానికి పేరు కావాలి (100 అక్షరాల వరకు)
store-error-duplicate-phone = { $phone } ఫోన్ ఇప్పటికే కస్టమర్ { $code } పేరున ఉంది: ఆ కార్డ్ వాడండి
store-error-duplicate-email = { $email } ఈమెయిల్ ఇప్పటికే కస్టమర్ { $code } పేరున ఉంది: ఆ కార్డ్ వాడండి
store-error-not-enough = పాయింట్లు సరిపోవు: { $reward }కి { $needed } కావాలి, కస్టమర్ దగ్గర { $balance } ఉన్నాయి
store-error-unknown-receipt = '{ $receipt }' రసీదు నంబర్‌తో అమ్మకం లేదు: రసీదుపై ఉన్న నంబర్ చూడండి
store-error-refunded = రసీదు '{ $receipt }' డబ్బు ఇప్పటికే పూర్తిగా తిరిగి ఇచ్చాము; ఇంకేమీ మిగలలేదు
store-error-busy = డేటాబేస్‌ను మరో ప్రోగ్రామ్ వాడుతోంది; కొద్దిసేపటి తర్వాత మళ్ళీ ప్రయత్నించండి
amount-error-empty = మొత్తం ఇవ్వలేదు: మొత్తం టైప్ చేయండి, ఉదా. 12.50
amount-error-not-a-number = '{ $text }' మొత్తం కాదు: ఒక దశాంశ బిందువుతో అంకెలు, ఉదా. { $example }
amount-error-negative = '{ $text }' ఋణాత్మకం: మొత్తాలు ధనాత్మకం; డబ్బు తిరిగి ఇవ్వడానికి రీఫండ్ వాడండి
amount-error-zero = మొత్తం సున్నా: అమ్మకానికి లేదా రీఫండ్‌కు సున్నా కంటే ఎక్కువ మొత్తం కావాలి
amount-error-decimals = '{ $text }'లో కరెన్సీ కంటే ఎక్కువ దశాంశాలు ఉన్నాయి: మొత్తం సరిచూడండి
amount-error-too-large = '{ $text }' అనుమతించిన అతిపెద్ద మొత్తం కంటే ఎక్కువ: మొత్తం సరిచూడండి
printer-cover-open = ప్రింటర్ మూత తెరిచి ఉంది: మూసివేయండి
printer-paper-out = ప్రింటర్‌లో కాగితం అయిపోయింది: కొత్త రోల్ వేయండి
printer-error = ప్రింటర్ లోపం: ఆపి మళ్ళీ ఆన్ చేయండి
printer-offline = ప్రింటర్ ఆఫ్‌లైన్‌లో ఉంది
printer-paper-low = కాగితం తక్కువగా ఉంది: రోల్ సిద్ధం చేయండి
printer-ready = ప్రింటర్ సిద్ధం
printer-virtual = వర్చువల్ ప్రింటర్ సిద్ధం
printer-on = { $port }లో ప్రింటర్
printer-none = రసీదులు లేవు: { $problem }
printer-waiting = { $problem } — వేచి ఉన్న రసీదులు: { $count }
scanner-connected = కనెక్ట్ అయింది
scanner-retrying = { $fault }; మళ్ళీ ప్రయత్నిస్తోంది
scanner-waiting = { $port } కోసం వేచి ఉంది
scanner-none = స్కానర్ సెట్ చేయలేదు (వెతుకులో కోడ్‌లు టైప్ చేయండి లేదా పేస్ట్ చేయండి)
