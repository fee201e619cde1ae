receipt-no = రసీదు { $number }
receipt-total = మొత్తం
receipt-purchase = కొనుగోలు
receipt-thanks = ధన్యవాదాలు, { $name }!
receipt-friend = మిత్రమా
receipt-points-visit = ఈ సందర్శనకు పాయింట్లు
receipt-balance = మీ పాయింట్లు
receipt-refer = స్నేహితుడిని తీసుకురండి: మీ కోడ్ ఇవ్వండి
receipt-qr-member = స్కాన్ చేయండి: మీ సందర్శన, పాయింట్లు, రేటింగ్, సహాయం
receipt-qr-claim = ఈ సందర్శన పాయింట్లు పొందడానికి స్కాన్ చేయండి
receipt-footer = మళ్ళీ వచ్చినందుకు ధన్యవాదాలు!
card-welcome = స్వాగతం, { $name }!
card-title = మీ లాయల్టీ కార్డ్
card-points = { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}
card-caption = కార్డ్ { $code }: కౌంటర్ వద్ద చూపించండి
card-both-points = వారి మొదటి సందర్శన తర్వాత మీ ఇద్దరికీ పాయింట్లు వస్తాయి.
test-title = పరీక్ష ప్రింట్
test-on = { $printer }, { $port }
test-settings = వరుసకు { $columns } అక్షరాలు, { $baud } baud, కోడ్ పేజీ { $page }
test-caption = ఈ కోడ్ స్కాన్ అయితే, QR ప్రింటింగ్ పనిచేస్తుంది
test-letters = అక్షరాలు: శ్రీ క్ష ₹
receipt-tier = మీ స్థాయి: { $tier }
receipt-refer-reward = { $reward } మీదే! స్నేహితుడిని తీసుకురండి: మీ కోడ్ ఇవ్వండి
# Under the QR: the code that opens the same page when the QR will not scan.
receipt-code = లేదా { $site }లో { $code } టైప్ చేయండి
