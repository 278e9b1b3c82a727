use crate::slow::Slow;

pub struct Fast;
pub fn go() -> Slow { Slow }
