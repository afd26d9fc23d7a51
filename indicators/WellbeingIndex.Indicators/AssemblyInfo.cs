namespace WellbeingIndex.Indicators;
