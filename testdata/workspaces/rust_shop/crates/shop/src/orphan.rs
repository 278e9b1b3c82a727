// Not declared by any `mod`: guessed as module shop::orphan from its path.
pub fn lonely() {}
