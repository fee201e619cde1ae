cli-points = { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}
cli-enrolled = Učlanjen { $name }: kartica { $code }, kod za preporuku { $referral }, stanje { cli-points }.
cli-customer = { $name }  kartica { $code }  kod za preporuku { $referral }
cli-erased = (podaci obrisani)
cli-phone = telefon  { $phone }
cli-email = imejl    { $email }
cli-balance = stanje    { cli-points }
cli-visits = posete   { $visits }
cli-visits-last = posete   { $visits } (poslednja { $when })
cli-next = sledeće   { $progress }
cli-reward-voucher = nagrada  { $reward } (kartica sa pečatima, besplatno)  [{ $id }]
cli-reward-points = nagrada  { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = učlanjen { $when }
cli-sale-duplicate = Račun { $receipt } je već evidentiran (poseta { $visit }, { $amount }): ništa nije promenjeno.
cli-sale-member = Prodaja od { $amount } evidentirana (poseta { $visit }) za { $code }: +{ cli-points }, stanje { $balance }.
cli-stamp-complete = Kartica sa pečatima je puna: vaučer za nagradu je spreman.
cli-receipt-page = Stranica računa: { $url }
cli-sale-anonymous = Anonimna prodaja od { $amount } evidentirana (poseta { $visit }). Stranica računa: { $url }
cli-refunded = Vraćeno { $amount } sa računa { $receipt }.
cli-refunded-full = Vraćeno { $amount } sa računa { $receipt } (u celosti).
cli-points-back = Oduzeto { cli-points }; stanje { $balance }.
cli-points-spent = (Trebalo je { $due }; ostatak je već potrošen na nagrade.)
cli-printed = Račun odštampan: { $file }
cli-printed-count = Odštampano računa: { $count }.
cli-not-printed = Račun nije odštampan: { $problem }. Sačuvan je ({ $waiting } čeka) i štampa se sa `regulars print retry` kada štampač bude spreman.
cli-stats-customers = Kupci
cli-stats-sales = Prodaja
cli-stats-sales-value = { $sales } (povraćaji { $refunds })
cli-stats-csv = Upisano CSV fajlova: { $count }, u { $dir }.
cli-nothing-to-print = Ništa ne čeka štampu.
cli-print-job = posao { $id } ({ $kind }, poseta { $visit }) od { $when }: pokušaja { $attempts }
cli-print-job-error = { $job }, poslednje: { $error }
cli-trying-again = { $waiting }; pokušava ponovo…
cli-staff-added = Dodat { $name } ({ $role }). Kasa sada traži PIN zaposlenog za prijavu.
cli-staff-none = Nema zaposlenih: svako na kasi može da prodaje i vraća novac. Dodajte ih sa `regulars staff add`.
cli-backup-exists = { $path } već postoji: izaberite drugu putanju; ništa nije prepisano
cli-backup-written = Rezervna kopija upisana u { $path } ({ $kb } KB).
cli-serving = Stranice za kupce na http://{ $addr } (računi vode na { $url }). Ctrl-C zaustavlja.
cli-api-on = Lokalni API na /api/v1/ (ključ iz [portal] api_key).
cli-api-off = Lokalni API isključen: podesite [portal] api_key u config.toml da bi ga kasa mogla pozvati.
cli-devices-state = Uređaji: štampač: { $printer }; skener: { $scanner }.
