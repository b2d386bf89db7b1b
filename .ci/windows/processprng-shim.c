/* Test harness only, never shipped: Wine 8.0 lacks ProcessPrng in bcryptprimitives.dll,
   which the Go runtime (1.22+) loads at start. This DLL provides it on top of advapi32's
   RtlGenRandom (SystemFunction036) and goes into the Wine prefix's system32. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
