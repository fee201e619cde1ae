# కౌంటర్ విండో, తెలుగులో.
language-name = తెలుగు

## పట్టీలు
settings = సెట్టింగ్‌లు
owner-dashboard = యజమాని డాష్‌బోర్డ్ (F7)
owner-dashboard-hint = మళ్ళీ వచ్చిన సందర్శనలు, కోహార్ట్‌లు, పాయింట్లు, సిఫార్సులు, రేటింగ్‌లు, టికెట్లు
theme-light = లేత థీమ్
theme-dark = ముదురు థీమ్
sign-out = సైన్ అవుట్ (Ctrl+L)
role-owner = యజమాని
role-cashier = క్యాషియర్
printer-state = ప్రింటర్: { $state }
scanner-state = స్కానర్: { $state }
scanner-state-last = స్కానర్: { $state } — చివరి స్కాన్ { $code }
ready = సిద్ధం. కార్డ్‌ను స్కాన్ చేయండి, లేదా మొత్తం టైప్ చేసి Enter నొక్కండి.
staff-sign-in = సిబ్బంది సైన్ ఇన్
staff-pin = సిబ్బంది PIN
sign-in = సైన్ ఇన్ (Enter)

## వెతకడం, సభ్యులుగా చేర్చడం
customer = కస్టమర్
find-label = కస్టమర్‌ను వెతకండి (F2): కార్డ్, ఫోన్ లేదా పేరు
find-hint = కార్డ్‌ను స్కాన్ చేయండి లేదా టైప్ చేయండి
find-result = { $name } — { $code } ({ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
})
erased = (తొలగించబడింది)
find-many = { $count } మంది కస్టమర్లు సరిపోలారు: ఒకరిని ఎంచుకోండి, లేదా ఇంకా టైప్ చేయండి.
new-customer-button = కొత్త కస్టమర్ (F3)
clear-customer = కస్టమర్‌ను తీసివేయండి (Esc)
new-customer = కొత్త కస్టమర్
name = పేరు
phone = ఫోన్
email = ఇమెయిల్
referral-code = సిఫార్సు కోడ్
enroll = సభ్యులుగా చేర్చండి (Enter)
cancel = రద్దు (Esc)

## అమ్మకం
sale = అమ్మకం
amount = మొత్తం
amount-keys = మొత్తంలో అంకెలు, దశాంశ బిందువు మాత్రమే టైప్ చేయవచ్చు; కస్టమర్‌ను F2తో వెతకండి.
record-sale-for = { $name } కోసం అమ్మకాన్ని నమోదు చేయండి (Enter)
record-sale = అమ్మకాన్ని నమోదు చేయండి (Enter)
record-sale-hint = అమ్మకాన్ని నమోదు చేసి, పాయింట్ల రసీదును ప్రింట్ చేస్తుంది
anonymous-sale = కస్టమర్ లేని అమ్మకం (F4)
anonymous-sale-hint = కస్టమర్ లేరు: పాయింట్లు పొందడానికి రసీదుపై QR ఉంటుంది
reprint = చివరి రసీదును మళ్ళీ ప్రింట్ చేయండి (F9)
recent = ఇటీవలివి

## వాపసు
refund-by-receipt = రసీదు ద్వారా వాపసు
receipt-number = రసీదు సంఖ్య
refund-amount = వాపసు మొత్తం
refund-all = మొత్తం
owner-pin-above = యజమాని PIN ({ $limit } పైన)
refund = వాపసు ఇవ్వండి (Enter)
last-receipt = చివరి రసీదు (F8)
no-receipt-yet = ఇంకా రసీదు లేదు: రసీదుపై ప్రింట్ అయిన సంఖ్యను టైప్ చేయండి.

## తెరపై ఉన్న కస్టమర్
no-customer = కస్టమర్ లేరు: వారి కార్డ్ లేదా ఫోన్‌ను స్కాన్ చేయండి, లేదా పైన వెతకండి. కస్టమర్ లేని అమ్మకం పాయింట్లు పొందే QRను ప్రింట్ చేస్తుంది.
details-erased = (వివరాలు తొలగించబడ్డాయి)
card-and-referral = కార్డ్ { $code }   ·   సిఫార్సు { $referral }
points = { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}
progress-visits = { $reward } కోసం ఇంకా { $remaining ->
    [one] { $remaining } సందర్శన
   *[other] { $remaining } సందర్శనలు
} (స్టాంప్ కార్డ్)
progress-points = { $reward } కోసం ఇంకా { $remaining ->
    [one] { $remaining } పాయింట్
   *[other] { $remaining } పాయింట్లు
}
last-visit = చివరి సందర్శన { $when } · { $visits ->
    [one] { $visits } సందర్శన
   *[other] { $visits } సందర్శనలు
}
rewards-now = ఇప్పుడు పొందగలిగే బహుమతులు
print-card = కార్డ్ స్లిప్ ప్రింట్ చేయండి
print-card-hint = వారు దాచుకోవడానికి వారి సభ్యత్వ QR, సిఫార్సు కోడ్
adjust-points = పాయింట్లను సవరించండి
adjust-by = పాయింట్లు (+/-)
reason = కారణం
adjust-owner-pin = సవరణకు యజమాని PIN
adjust = సవరించండి
redeem = { $reward } పొందండి ({ $how })
redeem-first = { $reward } పొందండి ({ $how }, F5)
paid-voucher = వోచర్
visit-from-qr = సందర్శన { $id } (రసీదు QR నుండి)
visit-when = { $when } · రసీదు { $receipt }
points-earned = { $points ->
    [one] { $points } పాయింట్ సంపాదించారు
   *[other] { $points } పాయింట్లు సంపాదించారు
}
no-visit-tickets = ఈ సందర్శన గురించి సహాయ టికెట్లు లేవు.
visit-tickets = ఈ సందర్శన గురించి టికెట్లు
refund-this-visit = ఈ సందర్శనకు వాపసు ఇవ్వండి
identify-first = ముందుగా కస్టమర్‌ను గుర్తించండి (వారి కార్డ్‌ను స్కాన్ చేయండి, లేదా F2తో వెతకండి).
no-reward-yet = { $name } కు ఇంకా బహుమతి అందుబాటులో లేదు.

## సహాయం
no-open-tickets = తెరిచి ఉన్న సహాయ టికెట్లు లేవు.
open-tickets = తెరిచి ఉన్న సహాయ టికెట్లు: { $count }
ticket-about-visit = (సందర్శన V{ $visit })
resolve = #{ $id } పరిష్కరించండి
open-a-ticket = సహాయ టికెట్ తెరవండి (F12)
what-went-wrong = ఏమి తప్పు జరిగింది
severity = తీవ్రత
severity-minor = చిన్నది
severity-normal = సాధారణం
severity-urgent = అత్యవసరం
reply-how = కస్టమర్ సమాధానం ఎలా కోరుకుంటున్నారు
reply-in-store = తదుపరి సారి దుకాణంలో
reply-email = ఇమెయిల్
reply-sms = టెక్స్ట్ సందేశం (SMS)
reply-phone = కాల్
reply-to = చిరునామా లేదా నంబర్ (ఖాళీగా: కార్డులోనిది)
reply-to-ticket = #{ $id }కు సమాధానం ({ $how })
reply-text = వారికి ఏమి చెప్పాలి
send-reply = సమాధానం పంపండి (#{ $id })
open-ticket = టికెట్ తెరవండి
add-a-note = గమనిక జోడించండి
note-for-staff = సిబ్బంది అందరికీ గమనిక
add-note = గమనిక జోడించండి
timeline = చరిత్ర ({ $count })

## రసీదు ప్రివ్యూ
receipt-preview = రసీదు ప్రివ్యూ
receipt-next = తదుపరి అమ్మకం రసీదు ఇక్కడ కనిపిస్తుంది.
enlarge = పెద్దదిగా చూపండి (F6)
receipt-preview-image = రసీదు ప్రివ్యూ చిత్రం
click-to-enlarge = పెద్దదిగా చూడటానికి క్లిక్ చేయండి (F6)
last-receipt-title = చివరి రసీదు
receipt-large = రసీదు, పెద్దదిగా
close = మూసివేయండి (Esc)

## సెట్టింగ్‌లు
settings-ports = పోర్ట్‌లు ఈ కంప్యూటర్ USB ప్రింటర్లు, సీరియల్ పోర్ట్‌లు; నెట్‌వర్క్ ప్రింటర్ tcp://చిరునామా:9100; "virtual" ప్రివ్యూలో ప్రింట్ చేస్తుంది.
language = భాష
printer-port = ప్రింటర్ పోర్ట్
printer-profile = ప్రింటర్ ప్రొఫైల్
choose = ఎంచుకోండి
baud = బాడ్ (ఖాళీ: ప్రొఫైల్‌లోనిది)
scanner-port = స్కానర్ పోర్ట్ (ఖాళీ: లేదు)
scanner-profile = స్కానర్ ప్రొఫైల్
display-port = కస్టమర్ డిస్‌ప్లే పోర్ట్ (ఖాళీ: లేదు)
display-profile = కస్టమర్ డిస్‌ప్లే ప్రొఫైల్
plug-in-mode = ప్లగ్-ఇన్ మోడ్: దుకాణం క్యాష్ రిజిస్టర్, ప్రింటర్ మధ్య
plug-in-explained = క్యాష్ రిజిస్టర్ టిల్ పోర్ట్‌లోకి ప్రింట్ చేస్తుంది; Regulars ప్రతి రసీదుకు పాయింట్ల భాగాన్ని జోడించి పైన ఉన్న ప్రింటర్ పోర్ట్‌లో ప్రింట్ చేస్తుంది. ఇక్కడ గుర్తించిన కస్టమర్ రిజిస్టర్ తదుపరి రసీదుకు జతచేయబడతారు.
till-port = టిల్ పోర్ట్
till-profile = టిల్ ప్రొఫైల్
save-settings = సెట్టింగ్‌లను సేవ్ చేయండి
test-print = పరీక్ష ప్రింట్
not-a-baud = '{ $baud }' బాడ్ రేట్ కాదు: ఉదా. 9600 లేదా 38400 వాడండి, లేదా ఖాళీగా వదలండి
plug-needs-till = ప్లగ్-ఇన్ మోడ్‌కు టిల్ పోర్ట్ అవసరం: క్యాష్ రిజిస్టర్ ప్రింట్ చేసే పోర్ట్
settings-saved = సెట్టింగ్‌లు { $path } లో సేవ్ అయ్యాయి.
portal-status-off = కస్టమర్ పేజీలు పనిచేయడం లేదు: { $error }
portal-status-serve = కస్టమర్ పేజీలు: `regulars serve` నడపండి
enroll-language = కస్టమర్ భాష
enroll-language-phone = ఫోన్‌లో ఉన్నట్టు
ticket-status-open = తెరిచి ఉంది
ticket-status-waiting = కస్టమర్ జవాబు కోసం వేచి ఉంది
ticket-status-resolved = పరిష్కరించబడింది
ticket-status-confirmed = కస్టమర్ ధృవీకరించారు
ticket-channel-portal = రసీదు పేజీ
ticket-channel-rating = తక్కువ రేటింగ్
ticket-channel-counter = కౌంటర్ వద్ద
ticket-channel-phone = ఫోన్ కాల్
ticket-channel-email = ఈమెయిల్
timeline-enrolled = లాయల్టీ ప్రోగ్రామ్‌లో చేరారు
timeline-visit = సందర్శన V{ $visit }: { $amount } (రసీదు { $receipt }), +{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}
timeline-refunded = { $amount } వాపసు
timeline-points = { $event } { $signed } { $count ->
    [one] పాయింట్
   *[other] పాయింట్లు
}
points-event-redeem = తీసుకున్న బహుమతి:
points-event-refund = వాపసు:
points-event-referral = రిఫరల్ బోనస్:
points-event-adjust = సవరణ:
points-event-expire = గడువు ముగిసింది:
timeline-rating = సందర్శన V{ $visit }కి { $stars }/5 రేటింగ్ ఇచ్చారు
timeline-ticket = టికెట్ #{ $ticket } తెరిచారు ({ $channel })
timeline-about-visit = సందర్శన V{ $visit } గురించి
timeline-ticket-note = టికెట్ #{ $ticket }పై నోట్
timeline-ticket-waiting = టికెట్ #{ $ticket } కస్టమర్ జవాబు కోసం వేచి ఉంది
timeline-ticket-resolved = టికెట్ #{ $ticket } పరిష్కరించబడింది
timeline-ticket-confirmed = టికెట్ #{ $ticket }ని కస్టమర్ ధృవీకరించారు
timeline-ticket-reopened = టికెట్ #{ $ticket } మళ్లీ తెరిచారు
timeline-ticket-open = టికెట్ #{ $ticket } మళ్లీ తెరిచి ఉంది
timeline-note = నోట్
timeline-by = ({ $who })
timeline-approved = { $who }, { $owner } ఆమోదించారు
backup-failed = బ్యాకప్ విఫలమైంది: { $problem }
backup-none = ఇంకా బ్యాకప్ లేదు
backup-old = చివరి బ్యాకప్ { $age } క్రితం: ఒక రోజులో ఏదీ లేదు
backup-ok = { $age } క్రితం బ్యాకప్ అయింది
backup-hint = బ్యాకప్‌లు [backup] toకు వెళ్తాయి, సరిచూసి క్రమబద్ధీకరిస్తాము.
backup-hint-same-disk = బ్యాకప్‌లు ఈ కంప్యూటర్ డిస్క్‌లో మాత్రమే ఉన్నాయి: config.tomlలో [backup] toను USB డ్రైవ్ లేదా నెట్‌వర్క్ షేర్‌కు సెట్ చేయండి.
age-minutes = { $count } నిమి
age-hours = { $count } గం
age-days = { $count ->
    [one] { $count } రోజు
   *[other] { $count } రోజులు
}

chain-ok = గొలుసు: { $age } క్రితం సింక్ అయింది, { $to_send } పంపాలి
chain-offline = { $since } నుండి ఆఫ్‌లైన్, { $to_send } పంపాలి
chain-waiting = గొలుసు: మొదటి సింక్…
chain-hint = ఈ టిల్ కేంద్ర నిల్వ ద్వారా గొలుసులోని ఇతర టిల్‌లతో కస్టమర్లను, పాయింట్లను పంచుకుంటుంది. అది అందుబాటులో లేనప్పుడూ అమ్మకాలు కొనసాగుతాయి; అప్పుడు పాయింట్ల వాడకం ఆఫ్‌లైన్ అనుమతి నుండి.
slipping-hint = చివరిసారి { $weeks ->
        [one] { $weeks } వారం
       *[other] { $weeks } వారాల
    } క్రితం వచ్చారు — ఆత్మీయంగా స్వాగతం పలకండి
slipping-hint-why = ఈ నిత్య కస్టమర్ దూరమవుతున్న సభ్యుల యజమాని జాబితాలో ఉన్నారు (regulars insights).
tier-line = { $tier } స్థాయి: పాయింట్లు ×{ $multiplier }
tier-base = { $tier } స్థాయి
tier-next = 12 నెలల్లో ఇంకా { $points } పాయింట్లు సంపాదిస్తే { $tier }
enroll-birthday = పుట్టినరోజు (MM-DD, వారు అంగీకరిస్తేనే)
slipping-offer = చివరిసారి { $weeks ->
        [one] { $weeks } వారం
       *[other] { $weeks } వారాల
    } క్రితం వచ్చారు — తిరిగి వచ్చినందుకు ఆఫర్: { $reward }
timeline-message = { $channel } ద్వారా { $kind }: { $state }
timeline-consent-given = { $channel } ద్వారా రివార్డ్ వార్తలు, ఆఫర్లకు సమ్మతించారు ({ $source })
timeline-consent-withdrawn = ఇకపై { $channel } ద్వారా రివార్డ్ వార్తలు, ఆఫర్లు వద్దు ({ $source })
messages-ok = సందేశాలు: { $waiting } ఎదురు చూస్తున్నాయి
messages-failed = సందేశాలు: ఈ వారం { $failed } పంపలేదు, { $waiting } ఎదురు చూస్తున్నాయి
messages-hint = సభ్యులకు ఈమెయిల్, SMS సందేశాలు. `regulars messages list` ప్రతి సందేశాన్ని, అది ఎందుకు వెళ్లలేదో చూపిస్తుంది; `regulars messages retry` దాన్ని మళ్లీ పంపుతుంది.
ticket-overdue-reply = ఆలస్యం: మొదటి జవాబు { $when } లోపు ఇవ్వాల్సింది
ticket-overdue-resolve = ఆలస్యం: పరిష్కారం { $when } లోపు కావాల్సింది
share-now = ఇప్పుడే { $reward } తీసుకున్నారు: వారి కోడ్ { $code } తో స్నేహితుడిని తీసుకురమ్మని అడగడానికి మంచి సమయం
resolve-with = #{ $id } ను పరిష్కారంతో ముగించండి…
kept-answers = ఈ రకమైన సమస్యకు దాచిన జవాబులు (ఒకటి ఎంచుకోండి):
kept-answer = { $body } ({ $uses } సార్లు వాడారు)
how-fixed = ఎలా సరిచేశారు
keep-answer = “{ $problem }” కోసం జవాబుగా దాచండి
resolve-with-fix = ఈ పరిష్కారంతో #{ $id } ను ముగించండి

## Regulars గురించి (F1), ఈ కంప్యూటర్ తెరవనివ్వని పోర్ట్
about-button = గురించి (F1)
about-version = వెర్షన్ { $version }
about-what = దుకాణ కౌంటర్ కోసం విశ్వసనీయ బహుమతులు: పాయింట్లు, బహుమతులు, సిఫార్సులు, QR రసీదులు, ప్రతి సందర్శనకు ఒక పేజీ.
about-data = దుకాణం డేటా: { $path }
about-manual = మాన్యువల్: టెర్మినల్‌లో “man regulars” (ప్రతి కమాండ్‌కు ఒక పేజీ ఉంది: “man regulars-sale”).
about-guide = పూర్తి గైడ్: { $path }
about-licence = MIT లైసెన్స్ కింద స్వేచ్ఛా సాఫ్ట్‌వేర్.
port-refused = ఈ కంప్యూటర్ Regulars‌ను { $port } తెరవనివ్వడం లేదు. పరికరాన్ని తీసివేసి మళ్లీ పెట్టండి. అయినా ఇదే కనిపిస్తే, అడ్మినిస్ట్రేటర్ హక్కులు ఉన్నవారు టెర్మినల్‌లో “sudo usermod -aG dialout { $user }” నడపాలి; తర్వాత కంప్యూటర్ నుండి సైన్ అవుట్ చేసి మళ్లీ సైన్ ఇన్ చేయండి
ticket-channel-chat = చాట్ యాప్‌లో సందేశం
ticket-customer-wrote = పరిష్కరించిన తర్వాత కస్టమర్ రాశారు: “{ $text }”
ticket-customer-wrote-open = కస్టమర్ రాశారు: “{ $text }”
