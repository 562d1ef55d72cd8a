// temporary: replaced by the real analyzer
