portal-loyalty = లాయల్టీ రివార్డులు
portal-home-hint = మీ పాయింట్లు చూడటానికి, మీ సందర్శనకు రేటింగ్ ఇవ్వడానికి లేదా కొనుగోలు గురించి సహాయం అడగడానికి మీ రసీదుపై ఉన్న QR కోడ్‌ను స్కాన్ చేయండి.
portal-languages = భాష
portal-visit-title = { $shop }లో మీ సందర్శన
portal-hi = నమస్కారం, { $name }!
portal-thanks-visit = సందర్శించినందుకు ధన్యవాదాలు
portal-visit-on = సందర్శన { $when } · రసీదు { $receipt }
portal-refunded = { $amount } తిరిగి ఇవ్వబడింది
portal-earned = ఈ సందర్శనలో మీరు <strong>{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}</strong> పొందారు.
portal-balance = బ్యాలెన్స్: <strong>{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}</strong>
portal-ready = ఇప్పుడే మీ కోసం సిద్ధంగా ఉంది:
portal-done-rated = ధన్యవాదాలు! మీ రేటింగ్ సేవ్ అయింది.
portal-done-rated-low = చెప్పినందుకు ధన్యవాదాలు. ఇంకా బాగా లేనందుకు క్షమించండి: దుకాణం నుండి ఎవరైనా మిమ్మల్ని సంప్రదిస్తారు.
portal-done-help = మీ అభ్యర్థన దుకాణానికి చేరింది. మీరు ఎంచుకున్న విధంగా మీకు సమాధానం వస్తుంది.
portal-done-claimed = పూర్తయింది: పాయింట్లు మీ కార్డ్‌లో ఉన్నాయి.
portal-done-confirmed = నిర్ధారించినందుకు ధన్యవాదాలు. సమస్య తీరినందుకు సంతోషం.
portal-done-reopened = మీ అభ్యర్థనను మళ్ళీ తెరిచాము, త్వరలో సంప్రదిస్తాము.
portal-done-language = సేవ్ అయింది: దుకాణం మీకు ఈ భాషలో రాస్తుంది.
portal-claim = పాయింట్లు పొందండి
portal-claim-offer = ఈ రసీదుకు <strong>{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}</strong> వస్తాయి. మీ ఫోన్ నంబర్ లేదా ఈమెయిల్‌తో వాటిని మీ కార్డ్‌కు జోడించండి; మీరు కొత్తవారైతే, మీ పేరు కూడా రాయండి.
portal-contact = ఫోన్ నంబర్ లేదా ఈమెయిల్
portal-first-name-new = పేరు (కొత్తవారైతే మాత్రమే)
portal-claim-button = { $points } పాయింట్లు పొందండి
portal-claim-too-old = సందర్శన తర్వాత { $days } రోజుల వరకే రసీదు పాయింట్లు పొందవచ్చు; ఈ రసీదు అంతకంటే పాతది.
portal-claim-refunded = ఈ కొనుగోలు డబ్బు తిరిగి ఇవ్వబడింది, కాబట్టి పొందడానికి పాయింట్లు లేవు.
portal-rate = ఈ సందర్శనకు రేటింగ్ ఇవ్వండి
portal-rated = మీరు 5కి { $stars } రేటింగ్ ఇచ్చారు.
portal-how-was-it = ఎలా ఉంది? (1 నుండి 5 నక్షత్రాలు)
portal-stars = { $stars ->
    [one] { $stars } నక్షత్రం
   *[other] { $stars } నక్షత్రాలు
}
portal-comment = ఇంకేమైనా చెప్పాలనుకుంటున్నారా? (ఐచ్ఛికం)
portal-rate-change = నా రేటింగ్ మార్చండి
portal-rate-send = రేటింగ్ పంపండి
portal-rate-closed = రేటింగ్‌ను 7 రోజుల వరకు మార్చవచ్చు.
portal-help = ఈ కొనుగోలు గురించి సహాయం
portal-request = అభ్యర్థన #{ $id }
portal-status = స్థితి: { $status }
portal-resolved-ask = సమస్య పరిష్కారమైందని దుకాణం గుర్తించింది. నిజమేనా?
portal-resolved-yes = అవును, పరిష్కారమైంది
portal-resolved-no = లేదు, ఇంకా సమస్య ఉంది
portal-help-open = ఏదైనా సరిగ్గా లేదా? మాకు చెప్పండి
portal-help-more = వేరే విషయం గురించి అడగండి
portal-what-wrong = ఏమి తప్పు జరిగింది?
portal-tell-more = మరిన్ని వివరాలు చెప్పండి
portal-how-reply = మిమ్మల్ని ఎలా సంప్రదించాలి?
portal-help-contact-member = ఫోన్ లేదా ఈమెయిల్ (కార్డ్‌లో ఉన్నదాన్ని వాడాలంటే ఖాళీగా వదలండి)
portal-help-contact = ఫోన్ లేదా ఈమెయిల్
portal-help-send = సహాయం అడగండి
portal-card = మీ కార్డ్
portal-card-hint = తదుపరి సారి కౌంటర్ వద్ద దీన్ని చూపించండి: మీ ఫోనే మీ లాయల్టీ కార్డ్.
portal-card-language = దుకాణం నుండి సందేశాల భాష
portal-save = సేవ్ చేయండి
portal-invite = స్నేహితుడిని ఆహ్వానించండి
portal-invite-bonus = వారి మొదటి సందర్శన తర్వాత మీకు { $referrer } పాయింట్లు, మీ స్నేహితుడికి { $friend } పాయింట్లు వస్తాయి.
portal-share = ఈ లింక్‌ను పంచుకోండి:
portal-join-title = { $shop }లో చేరండి
portal-invited = { $friend } మిమ్మల్ని ఆహ్వానించారు
portal-join-offer = మా లాయల్టీ రివార్డుల్లో చేరండి, మీ మొదటి కొనుగోలు తర్వాత <strong>{ $points } పాయింట్లు</strong> పొందండి ({ $friend }కి కూడా { $referrer } వస్తాయి).
portal-join-plain = మా లాయల్టీ రివార్డుల్లో చేరండి: ప్రతి సందర్శనకు పాయింట్లు.
portal-first-name = పేరు
portal-join = చేరండి
portal-join-counter = లేదా కౌంటర్ వద్ద చేరండి
portal-show-cashier = ఈ కోడ్‌ను క్యాషియర్‌కు చూపించండి:
portal-welcome-title = { $shop }కి స్వాగతం
portal-welcome = స్వాగతం, { $name }!
portal-member-now = మీరు ఇప్పుడు సభ్యులు. మీ మొదటి సందర్శనలో ఈ కోడ్‌ను కౌంటర్ వద్ద చూపించండి.
portal-screenshot = స్క్రీన్‌షాట్ తీసుకోండి: ఇదే మీ లాయల్టీ కార్డ్.
portal-qr-label = QR కోడ్: { $code }
status-open = తెరిచి ఉంది
status-waiting = మీ సమాధానం కోసం వేచి ఉంది
status-resolved = పరిష్కారమైంది
status-confirmed = పరిష్కారమైంది, మీరు నిర్ధారించారు
problem-missing = ఏదో తక్కువ వచ్చింది
problem-wrong_item = తప్పు వస్తువు
problem-quality = నాణ్యత సరిగ్గా లేదు
problem-charged = నా నుండి తప్పు మొత్తం వసూలు చేశారు
problem-service = సేవ
problem-other = ఇంకేదైనా
contact-via-phone = ఫోన్ కాల్
contact-via-email = ఈమెయిల్
contact-via-sms = టెక్స్ట్ మెసేజ్ (SMS)
contact-via-in_store = తదుపరి సారి దుకాణానికి వచ్చినప్పుడు
error-not-found = కనబడలేదు
error-not-found-text = ఈ లింక్ ఏ రసీదుకూ దారి తీయదు. మీ రసీదుపై ఉన్న పూర్తి కోడ్‌ను మళ్ళీ స్కాన్ చేయండి, లేదా కౌంటర్ వద్ద అడగండి.
error-expired = ఫారం గడువు ముగిసింది
error-expired-text = ఈ ఫారం గడువు ముగిసింది లేదా ఇది ఈ పేజీ నుండి రాలేదు. వెనక్కి వెళ్ళి, పేజీని రీలోడ్ చేసి, మళ్ళీ పంపండి.
error-check = దయచేసి సరిచూడండి
error-try-again = మళ్ళీ ప్రయత్నించండి
error-busy-text = దుకాణం సిస్టమ్ బిజీగా ఉంది. దయచేసి ఒక నిమిషం తర్వాత మళ్ళీ ప్రయత్నించండి.
error-pick-stars = 1 నుండి 5 నక్షత్రాలు ఎంచుకుని, రేటింగ్ పంపండి.
error-pick-problem = ఏమి తప్పు జరిగిందో ఎంచుకుని, మళ్ళీ పంపండి.
error-pick-contact-via = దుకాణం మిమ్మల్ని ఎలా సంప్రదించాలో ఎంచుకోండి.
error-need-contact = దుకాణం మిమ్మల్ని సంప్రదించేలా ఫోన్ నంబర్ లేదా ఈమెయిల్ జోడించండి (లేదా “తదుపరి సారి దుకాణానికి వచ్చినప్పుడు” ఎంచుకోండి).
error-join-contact = మీ ఫోన్ నంబర్ లేదా ఈమెయిల్ జోడించి, చేరండి.
error-join-taken = ఆ ఫోన్ నంబర్ లేదా ఈమెయిల్‌కు ఇప్పటికే కార్డ్ ఉంది. కౌంటర్ వద్ద అడగండి, మేము దాన్ని కనుగొంటాము.
error-already-claimed = ఈ రసీదు పాయింట్లు ఇప్పటికే పొందబడ్డాయి.
error-claim-contact = మీ సభ్యత్వపు ఫోన్ నంబర్ లేదా ఈమెయిల్ ఇవ్వండి (లేదా చేరడానికి వాడేది).
error-name = మీ పేరు రాయండి (100 అక్షరాల వరకు).
error-phone = ఆ ఫోన్ నంబర్ సరిగ్గా లేదు: అంకెలను సరిచూడండి.
error-email = ఆ ఈమెయిల్ చిరునామా సరిగ్గా లేదు: దయచేసి సరిచూడండి.
error-too-many = ఈ కనెక్షన్ నుండి చాలా ఎక్కువ అభ్యర్థనలు వచ్చాయి. ఒక నిమిషం ఆగి మళ్ళీ ప్రయత్నించండి.
portal-messages = దుకాణం నుండి సందేశాలు
portal-birthday = మీ పుట్టినరోజు (నెల, తేదీ), ఆ రోజు ఒక కానుక కోసం — మీకు ఇష్టమైతేనే
portal-birthday-example = MM-DD, ఉదా. 07-14
portal-birthday-kept = దుకాణం దగ్గర మీ పుట్టినరోజు ఉంది: ఆ రోజు మీ కోసం ఒక కానుక ఎదురు చూస్తుంది.
portal-done-messages = సేవ్ అయింది: మీరు ఎంచుకున్నట్లే దుకాణం మీకు రాస్తుంది.
# The front page's field for the code printed under a receipt's QR.
portal-code-label = లేదా QR కింద ఉన్న కోడ్‌ను టైప్ చేయండి
portal-code-open = నా రసీదును తెరవండి
# A link the chain signed for a sale that has not reached this server yet.
error-on-its-way = మీ రసీదు దారిలో ఉంది
error-on-its-way-text = దుకాణం ఈ సందర్శనను ఇంకా ఇక్కడికి పంపలేదు. ఒకటి రెండు నిమిషాల్లో మళ్లీ ప్రయత్నించండి: మీ రసీదుపై ఉన్న లింక్ సరైనదే.
contact-via-whatsapp = WhatsApp
contact-via-viber = Viber
contact-via-telegram = Telegram
contact-via-messenger = Messenger
portal-chats = దుకాణంతో చాట్
portal-chats-hint = మీరు ఇప్పటికే వాడుతున్న యాప్‌లో రివార్డ్ వార్తలు, మీ సందర్శనల గురించి సమాధానాలు పొందండి. ఒక్క ట్యాప్‌తో అది మీ కార్డుకు లింక్ అవుతుంది.
portal-chat-link = { $app }లో మాకు సందేశం పంపండి
portal-chat-linked = { $app }లో లింక్ అయింది
chat-link-prefill = నా కార్డును లింక్ చేయండి:
chat-welcome-linked = { $shop }లో మీ కార్డు లింక్ అయింది: రివార్డ్ వార్తలు, సమాధానాలు ఇక్కడికే వస్తాయి. ఎప్పుడైనా మాకు రాయండి.
chat-welcome-refused = ఈ లింక్ ఇప్పటికే వాడారు లేదా { $shop }ది కాదు: మీ సందర్శన పేజీని మళ్లీ తెరిచి అక్కడి బటన్ నొక్కండి.
