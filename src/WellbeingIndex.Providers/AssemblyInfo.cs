namespace WellbeingIndex.Providers;
