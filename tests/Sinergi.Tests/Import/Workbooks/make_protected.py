#!/usr/bin/python3
"""Saves daftar-kerja-sama.fods as password-protected workbooks (dilindungi.xls, dilindungi.xlsx), through
LibreOffice's UNO API, the way a person ticks "Save with password" in an office suite.
Needs Debian's python3-uno; run with the system python: /usr/bin/python3 make_protected.py
"""
import os
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


here = os.path.dirname(os.path.abspath(__file__))
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                           "--accept=socket,host=127.0.0.1,port=2002;urp;"])
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(60):
        try:
            context = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.join(here, "daftar-kerja-sama.fods")), "_blank", 0, (prop("Hidden", True),))
    document.storeToURL(uno.systemPathToFileUrl(os.path.join(here, "dilindungi.xls")),
                        (prop("FilterName", "MS Excel 97"), prop("Password", "rahasia")))
    document.storeAsURL(uno.systemPathToFileUrl(os.path.join(here, "dilindungi.xlsx")),
                        (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Password", "rahasia")))
    document.close(True)
finally:
    office.terminate()
print("dilindungi.xls and dilindungi.xlsx written")
