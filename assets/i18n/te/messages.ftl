msg-hello-name = నమస్కారం { $name },
msg-hello = నమస్కారం,
msg-reward-ready-subject = { $shop }లో మీ { $reward } సిద్ధంగా ఉంది
msg-reward-ready = మీ దగ్గర { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
} ఉన్నాయి: { $reward }కి సరిపోతాయి. వచ్చేసారి కౌంటర్ వద్ద మీ కార్డ్ చూపించండి చాలు.
msg-nearing-reward-subject = దాదాపు చేరుకున్నారు: { $shop }లో { $reward }
msg-nearing-reward = మీ దగ్గర { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
} ఉన్నాయి. ఇంకా { $remaining ->
    [one] { $remaining } పాయింట్
   *[other] { $remaining } పాయింట్లు
} అయితే { $reward } మీదే.
msg-welcome-back-subject = { $shop }లో మిమ్మల్ని మిస్ అయ్యాం
msg-welcome-back = చాలా రోజులైంది! { $until } వరకు { $reward } మీ కోసం ఎదురు చూస్తోంది.
msg-birthday-subject = { $shop } నుండి పుట్టినరోజు శుభాకాంక్షలు
msg-birthday = పుట్టినరోజు శుభాకాంక్షలు! { $until } వరకు { $reward } మీ కోసం ఎదురు చూస్తోంది.
msg-anniversary-subject = { $shop }తో మరో సంవత్సరం, ధన్యవాదాలు
msg-anniversary = సభ్యులుగా మరో సంవత్సరం: ధన్యవాదాలు! { $until } వరకు { $reward } మీ కోసం ఎదురు చూస్తోంది.
msg-ticket-resolved-subject = సమస్య తీరిందా? { $shop }లో మీ అభ్యర్థన
msg-ticket-resolved = మీ అభ్యర్థనను పరిష్కరించాం: “{ $summary }”. ఇప్పుడు అంతా బాగుందా? మీ సందర్శన పేజీలో ఒక్క ట్యాప్‌తో చెప్పండి: { $link }
msg-ticket-follow-up-subject = ఇంకా అంతా బాగుందా? { $shop }లో మీ అభ్యర్థన
msg-ticket-follow-up = “{ $summary }” గురించి మీ నుండి ఇంకా వినలేదు. సమస్య తీరిందా? మీ సందర్శన పేజీలో నిర్ధారించండి, లేదా తీరలేదని చెప్పండి: { $link }
msg-ticket-reply-subject = { $shop }లో మీ అభ్యర్థన గురించి
msg-ticket-reply = { $reply } (మీ అభ్యర్థన “{ $summary }” గురించి: { $link })
msg-sign-off = { $shop }
msg-unsubscribe = మీరు రివార్డ్ వార్తలు, ఆఫర్లు కోరినందున ఇది మీకు వచ్చింది. వాటిని ఆపడానికి ఒక్క క్లిక్: { $link }
msg-sms-stop = ఆపడానికి STOP అని జవాబు ఇవ్వండి.
msg-stop-word = ఆపు
consent-email-wording = { $shop } నుండి రివార్డ్ వార్తలు, ఆఫర్లు ఈమెయిల్‌లో కావాలి. ఎప్పుడైనా అన్‌సబ్‌స్క్రైబ్ చేయవచ్చు.
consent-sms-wording = { $shop } నుండి రివార్డ్ వార్తలు, ఆఫర్లు SMSలో కావాలి. ఎప్పుడైనా STOP అని జవాబు ఇవ్వవచ్చు.
unsub-title = { $shop } నుండి సందేశాలు
unsub-question-email = { $address }కి ఈమెయిల్‌లో రివార్డ్ వార్తలు, ఆఫర్లు ఆపాలా?
unsub-question-sms = { $address }కి SMSలో రివార్డ్ వార్తలు, ఆఫర్లు ఆపాలా?
unsub-button = అన్‌సబ్‌స్క్రైబ్
unsub-done-email = అయిపోయింది: ఇకపై ఈమెయిల్‌లో రివార్డ్ వార్తలు, ఆఫర్లు రావు. మీ అభ్యర్థనల గురించిన జవాబులు మాత్రం వస్తాయి.
unsub-done-sms = అయిపోయింది: ఇకపై SMSలో రివార్డ్ వార్తలు, ఆఫర్లు రావు. మీ అభ్యర్థనల గురించిన జవాబులు మాత్రం వస్తాయి.
unsub-already = మీరు ఈ సందేశాలకు సబ్‌స్క్రైబ్ చేయలేదు.
unsub-wording = { $shop } నుండి వచ్చిన సందేశంలోని లింక్‌తో అన్‌సబ్‌స్క్రైబ్ చేశారు.
sms-stop-wording = { $shop }కి “{ $text }” అని జవాబు ఇచ్చారు.
message-kind-reward-ready = రివార్డ్ సిద్ధం
message-kind-nearing-reward = రివార్డ్‌కు దగ్గరలో
message-kind-welcome-back = తిరిగి స్వాగతం
message-kind-birthday = పుట్టినరోజు
message-kind-anniversary = వార్షికోత్సవం
message-kind-ticket-resolved = అభ్యర్థన పరిష్కారమైంది
message-kind-ticket-follow-up = అభ్యర్థన ఫాలో-అప్
message-kind-ticket-reply = సిబ్బంది సమాధానం
message-state-queued = ఎదురు చూస్తోంది
message-state-sending = పంపుతోంది
message-state-sent = పంపారు
message-state-failed = విఫలమైంది
message-state-cancelled = పంపలేదు
message-state-unsure = అనిశ్చితం
message-channel-email = ఈమెయిల్
message-channel-sms = SMS
consent-source-counter = కౌంటర్ వద్ద
consent-source-page = పేజీలో
consent-source-import = దిగుమతి
consent-source-staff = సిబ్బందికి చెప్పారు
consent-source-unsubscribe = అన్‌సబ్‌స్క్రైబ్ లింక్
consent-source-sms_stop = STOP అని పంపారు
message-problem-unreachable = { $about }ని చేరుకోలేకపోయాం: తర్వాత మళ్లీ ప్రయత్నిస్తాం
message-problem-tls = { $about }తో సురక్షిత కనెక్షన్ విఫలమైంది
message-problem-no-starttls = { $about } STARTTLS ఇవ్వడం లేదు: పోర్ట్ 465 కోసం [email] tls = "tls" సెట్ చేయండి
message-problem-login = { $about } యూజర్ పేరు లేదా పాస్‌వర్డ్‌ను తిరస్కరించింది: [email] username, password చూడండి
message-problem-settings = సెట్టింగ్‌లు ఉపయోగించలేం: { $about }
message-problem-refused-sender = మెయిల్ సర్వర్ పంపే చిరునామా { $about }ను తిరస్కరించింది: [email] from చూడండి
message-problem-refused-recipient = మెయిల్ సర్వర్ { $about }ను తిరస్కరించింది (బౌన్స్): చిరునామా చూడండి
message-problem-refused-message = మెయిల్ సర్వర్ సందేశాన్ని తిరస్కరించింది
message-problem-bad-address = { $about } సందేశం పంపగల చిరునామా కాదు
message-problem-gateway = SMS గేట్‌వే { $about } అని జవాబిచ్చింది
message-problem-unsure = సర్వర్‌కు సందేశం చేరాక కనెక్షన్ తెగిపోయింది: అది వెళ్లి ఉండవచ్చు, కాబట్టి దానంతట అదే మళ్లీ పంపబడదు
message-problem-stopped = సర్వర్ దగ్గర సందేశం ఉండగా కౌంటర్ ఆగిపోయింది: అది వెళ్లి ఉండవచ్చు, కాబట్టి దానంతట అదే మళ్లీ పంపబడదు
message-problem-consent-withdrawn = పంపలేదు: సమ్మతి వెనక్కి తీసుకున్నారు
message-problem-no-address = పంపలేదు: కస్టమర్‌కు ఇప్పుడు దానికి చిరునామా లేదు
message-problem-erased = పంపలేదు: కస్టమర్ వివరాలు తొలగించారు
message-problem-no-contact = పంపలేదు: అభ్యర్థన సంప్రదింపు వివరాలు తొలగించారు
message-problem-store = పంపలేదు: అప్పగింతను నమోదు చేయలేకపోయాం
consent-source-chat = చాట్‌లో
consent-chat-wording = { $shop } నుండి రివార్డ్ వార్తలు, ఆఫర్లు, సమాధానాలు { $app }లో కావాలి. ఎప్పుడైనా చాట్ ఆపవచ్చు.
msg-chat-stop = ఇక ఆఫర్లు వద్దు: { $link }
message-problem-token-refused = { $about } కీని తిరస్కరించింది: అది రద్దయింది లేదా తప్పుగా ఉంది, config.tomlలో కొత్తది పెట్టండి
message-problem-chat-ended = పంపలేదు: కస్టమర్ { $about }లో చాట్ ముగించారు
message-problem-opted-out = పంపలేదు: కస్టమర్ { $about }లో ఆఫర్లు ఆపేశారు
message-problem-rate-limited = { $about } నెమ్మదిగా పంపమంటోంది: తర్వాత మళ్లీ ప్రయత్నిస్తుంది
message-problem-app-down = { $about } స్పందించడం లేదు: తర్వాత మళ్లీ ప్రయత్నిస్తుంది
message-problem-app-refused = { $about } సందేశాన్ని తిరస్కరించింది
message-problem-window-closed = { $about }: కస్టమర్ చివరిసారి రాసి 24 గంటలు దాటింది, ఆమోదించిన టెంప్లేట్ మాత్రమే వెళ్తుంది: సందేశం వేచి ఉంటుంది, లేదా వారి మరో ఛానల్‌లో వెళ్తుంది
message-problem-no-template = { $about }: ఈ భాషలో ఈ సందేశానికి ఆమోదించిన టెంప్లేట్ లేదు ([whatsapp.templates] పెట్టండి): సందేశం వేచి ఉంటుంది, లేదా మరో ఛానల్‌లో వెళ్తుంది
