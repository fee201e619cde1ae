"""An unmodified third-party ESC/POS generator playing an existing till.

python-escpos (from PyPI) prints receipts into the path given, as a shop's till software
would print to its printer; `regulars passthrough` sits on the other end. Usage:

    python3 tests/escpos_till.py DEVICE RECEIPT-NO [RECEIPT-NO ...]
"""

import sys

from escpos.printer import File


def receipt(p, number):
    p.set(align="center", bold=True, double_height=True)
    p.text("CORNER CAFE\n")
    p.set(align="center", bold=False, normal_textsize=True)
    p.text("12 Main Street\n")
    p.set(align="left")
    p.text(f"Receipt No: {number}      23/11/2026 14:05\n")
    p.text("-" * 42 + "\n")
    p.text("Flat white                          3.40\n")
    p.text("Café crème                          2.80\n")
    p.text("Scone                               2.60\n")
    p.text("-" * 42 + "\n")
    p.set(bold=True)
    p.text("TOTAL                               8.80\n")
    p.set(bold=False)
    p.text("Card                                8.80\n")
    p.barcode("4006381333931", "EAN13", pos="BELOW")
    p.cut()


def main():
    device, numbers = sys.argv[1], sys.argv[2:]
    p = File(devfile=device)
    for n in numbers:
        receipt(p, n)
    p.close()


if __name__ == "__main__":
    main()
